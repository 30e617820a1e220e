"""The domain: cases, answers, deadlines, files. Nothing in here imports Qt."""
