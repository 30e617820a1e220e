"""FOI Desktop: answer UK Freedom of Information requests and send the letter on time."""

__version__ = "0.1.0"
APP_NAME = "FOI Desktop"
