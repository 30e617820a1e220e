"""The main window: case details across the top, the questions on the left, the
selected question in the middle, the letter on the right.

It shows the :class:`~foi_desktop.ui.document.CaseDocument` and turns menu actions
into undoable commands; document habits (New, Open, Save, recent files, the
modified marker, the prompt on close, autosave) live here too.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Case, Question
from foi_desktop.core.fileformat import FILE_SUFFIX, CaseFileError, load_case
from foi_desktop.core.fileformat import save_case as write_case_file
from foi_desktop.core.atomic import OutputError
from foi_desktop.core.settings import Settings, load_settings
from foi_desktop.core.summary import one_line_summary
from foi_desktop.ui import question_ops, recent_files
from foi_desktop.ui.autosave import Autosaver, Draft
from foi_desktop.ui.case_details import CaseDetailsPage, CaseHeader, affects_deadline, refresh_deadline
from foi_desktop.ui.document import CaseDocument, FieldPath, question_index
from foi_desktop.ui.letter_bridge import build_preview, export_docx, export_errors
from foi_desktop.ui.preview_panel import PreviewPanel
from foi_desktop.ui.question_editor import QuestionEditor
from foi_desktop.ui.question_list import QuestionListPanel
from foi_desktop.ui.settings_dialog import SettingsDialog
from foi_desktop.ui.snippets import load_snippets
from foi_desktop.ui.widgets import MessageBar, show_message

APP_NAME = "FOI Desktop"
PREVIEW_DELAY_MS = 150  # the longest wait after a keystroke before the letter is redrawn
PREVIEW_MIN_DELAY_MS = 30  # a short letter is redrawn almost at once
REQUEST_SUFFIXES = (".txt", ".docx", ".eml", ".msg")
SAMPLE_TITLE = "Sample case"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, *, today: _dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else load_settings()
        self._today = today
        self.document = CaseDocument(self)
        self.autosaver = Autosaver(self.document, lambda: self.settings.autosave_seconds, self)
        self.snippets = load_snippets()
        self.settings_dialog: SettingsDialog | None = None
        self.recovery_dialog = None  # set by app.start when drafts are offered
        self.review_dialog = None  # the intake review step of the last import
        self.automation = None  # set by app.run_window under FOI_DESKTOP_AUTOMATION
        self.last_message_box: QMessageBox | None = None
        self.last_preview_ms = 0.0
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.render_preview)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self.setAcceptDrops(True)
        self._fit_to_screen(1400, 900)
        self.new_case()

    # ================================================================== building

    def _build_widgets(self) -> None:
        self.message_bar = MessageBar()
        self.header = CaseHeader(self.document)
        self.question_list = QuestionListPanel(self.document)
        self.editor = QuestionEditor(self.document, lambda: self.settings, self.snippets)
        self.details = CaseDetailsPage(self.document, lambda: self.settings)
        self.preview = PreviewPanel()

        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(self.editor)
        editor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the area follows them
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setWidget(self.details)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        details_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor_scroll = editor_scroll
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.question_tab = self.tabs.addTab(editor_scroll, "&Answer")
        self.details_tab = self.tabs.addTab(details_scroll, "Case &details")
        self.tabs.setTabToolTip(self.question_tab, "The selected question and its answer")
        self.tabs.setTabToolTip(self.details_tab, "Requester, deadline, letter date and case notes")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.question_list)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([270, 610, 520])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.autosave_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)

    def _icon(self, theme: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap) -> QIcon:
        return QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _action(self, text: str, slot, shortcut=None, *, tip: str = "", icon: QIcon | None = None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icon)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # the platform's own keys (none where the platform has none)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        T = QIcon.ThemeIcon
        P = QStyle.StandardPixmap
        self.new_action = self._action("&New", self.on_new, S.New, tip="Start a new case",
                                       icon=self._icon(T.DocumentNew, P.SP_FileIcon))
        self.open_action = self._action("&Open…", self.on_open, S.Open, tip="Open a case file",
                                        icon=self._icon(T.DocumentOpen, P.SP_DialogOpenButton))
        self.import_action = self._action("&Import request…", self.on_import, "Ctrl+I",
                                          tip="Start a case from a request (text, Word or email file)")
        self.paste_request_action = self._action("&Paste request text…", self.on_paste_request, "Ctrl+Shift+I",
                                                 tip="Start a case from request text copied from an email or web form")
        self.save_action = self._action("&Save", self.on_save, S.Save, tip="Save the case",
                                        icon=self._icon(T.DocumentSave, P.SP_DialogSaveButton))
        self.save_as_action = self._action("Save &As…", self.on_save_as, S.SaveAs, tip="Save the case under a new name")
        if not self.save_as_action.shortcuts():
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action("&Export to Word…", self.on_export, "Ctrl+E",
                                          tip="Write the letter as a Word document",
                                          icon=self._icon(T.DocumentSend, P.SP_FileDialogDetailedView))
        self.settings_action = self._action("Se&ttings…", self.on_settings, S.Preferences,
                                            tip="Your organisation, letterhead and preferences")
        if not self.settings_action.shortcuts():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action("E&xit", self.close, S.Quit, tip="Close FOI Desktop")
        if not self.quit_action.shortcuts():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.undo_action.setIcon(self._icon(T.EditUndo, P.SP_ArrowBack))
        self.undo_action.setIconText("Undo")  # the toolbar stays short; the menu names the step
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(QKeySequence.keyBindings(S.Redo))
        self.redo_action.setIcon(self._icon(T.EditRedo, P.SP_ArrowForward))
        self.redo_action.setIconText("Redo")
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self.add_question_action = self._action("&Add question", self.on_add_question, "Ctrl+Shift+N",
                                                tip="Add a question after the selected one")
        self.remove_question_action = self._action("&Remove question", self.on_remove_question, "Ctrl+Shift+Del",
                                                   tip="Remove the selected question (Undo brings it back)")
        self.move_up_action = self._action("Move &up", lambda: self.on_move_question(-1), "Ctrl+Shift+Up",
                                           tip="Move the selected question up")
        self.move_down_action = self._action("Move &down", lambda: self.on_move_question(1), "Ctrl+Shift+Down",
                                             tip="Move the selected question down")
        self.split_action = self._action("&Split at cursor", self.on_split_question, "Ctrl+Shift+K",
                                         tip="Split the question in two where the cursor is in its text")
        self.merge_action = self._action("&Merge with next", self.on_merge_question, "Ctrl+Shift+M",
                                         tip="Join the selected question and the one after it")
        self.next_question_action = self._action("&Next question", lambda: self.step_question(1), "Ctrl+PgDown")
        self.previous_question_action = self._action("&Previous question", lambda: self.step_question(-1), "Ctrl+PgUp")
        self.about_action = self._action("&About FOI Desktop", self.on_about)
        self.question_list.add_actions(
            [self.add_question_action, self.remove_question_action, self.split_action,
             self.move_up_action, self.move_down_action, self.merge_action]
        )
        for action, short in ((self.add_question_action, "Add"), (self.remove_question_action, "Remove"),
                              (self.move_up_action, "Up"), (self.move_down_action, "Down"),
                              (self.split_action, "Split"), (self.merge_action, "Merge")):
            action.setIconText(short)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.paste_request_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        question_menu = bar.addMenu("&Question")
        question_menu.addActions([self.add_question_action, self.remove_question_action])
        question_menu.addSeparator()
        question_menu.addActions([self.move_up_action, self.move_down_action])
        question_menu.addSeparator()
        question_menu.addActions([self.split_action, self.merge_action])
        question_menu.addSeparator()
        question_menu.addActions([self.previous_question_action, self.next_question_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)

    def _connect(self) -> None:
        doc = self.document
        doc.value_changed.connect(self._on_value_changed)
        doc.questions_replaced.connect(self._on_questions_replaced)
        doc.loaded.connect(self._on_loaded)
        doc.focus_requested.connect(self._on_focus_requested)
        doc.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.question_list.current_changed.connect(self._on_current_question)
        self.header.deadline.details_requested.connect(lambda: self.tabs.setCurrentIndex(self.details_tab))
        self.preview.finding_activated.connect(self.select_question_by_label)
        self.autosaver.saved.connect(
            lambda _path: self.autosave_label.setText(f"Autosaved {_dt.datetime.now():%H:%M:%S}")
        )
        self.autosaver.failed.connect(lambda message: self.message_bar.show_messages([message]))

    # ================================================================== public: the document

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Open at a comfortable size, but never larger than most of the screen (a 1366×768 laptop)."""
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            if available.width() >= 1024:  # a real screen (the offscreen one is smaller)
                width = min(width, int(available.width() * 0.92))
                height = min(height, int(available.height() * 0.92))
        self.resize(width, height)

    @property
    def today(self) -> _dt.date:
        return self._today or _dt.date.today()

    def new_case(self) -> None:
        case = Case(regime=self.settings.default_regime, received=self.today, questions=[Question(label="1")])
        self.document.load(case, None, untitled_name="Untitled")

    def load_sample(self) -> None:
        from foi_desktop.core.sample import load_sample

        self.document.load(load_sample(), None, untitled_name=SAMPLE_TITLE)

    def open_case(self, path: str | os.PathLike[str]) -> None:
        """Open a .foi file in this window; raises CaseFileError with a message for the officer."""
        case = load_case(path)
        self.document.load(case, Path(path).absolute())
        recent_files.add_recent(path)
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)

    def save_case(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Save to ``path`` (or the case's own file; asks for a name when it has none).

        Returns False when the officer cancelled; raises OutputError when the file cannot be written.
        """
        if path is None:
            path = self.document.path
        if path is None:
            chosen = self._ask_save_path()
            if not chosen:
                return False
            path = chosen
        target = Path(path)
        if target.suffix.lower() != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        write_case_file(self.document.case, target)
        self.document.mark_saved(target.absolute())
        self._update_title()
        recent_files.add_recent(target)
        self.statusBar().showMessage(f"Saved {target.name}", 5000)
        return True

    def export_letter(self, path: str | os.PathLike[str]) -> Path:
        """Write the Word letter; raises OutputError (or LetterheadError) with a message for the officer."""
        target = Path(path)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        export_docx(self.document.case, self.settings, target)
        self.statusBar().showMessage(f"Letter written to {target}", 8000)
        return target

    def recover_draft(self, draft: Draft) -> MainWindow | None:
        """Open a recovered draft (in a new window when this one holds work); the draft file goes once it is safe."""
        try:
            case = draft.load()
        except CaseFileError as exc:
            self._message("The draft cannot be recovered", f"{exc}\nIt has been left in {draft.case_file.parent}.")
            draft.release()
            return None
        target = self if self._is_pristine() else self._spawn_window()
        source = Path(draft.source) if draft.source else None
        target.document.load(case, source, untitled_name="Recovered case", modified=True)
        draft.discard()
        target.statusBar().showMessage("Recovered unsaved changes: save them to keep them.", 10000)
        return target

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.document.is_modified:
            return True
        answer = self._ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            try:
                return self.save_case()
            except OutputError as exc:
                self._message("The case was not saved", str(exc))
                return False
        if answer == QMessageBox.StandardButton.Discard:
            self.autosaver.discard()
            return True
        return False

    # ================================================================== dialogs (patched in tests)

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          f"Save the changes to {self.document.display_name} before closing it?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Open case", self._start_folder(),
                                              f"FOI Desktop cases (*{FILE_SUFFIX});;All files (*)")
        return path

    def _ask_save_path(self) -> str:
        name = (self.document.case.reference or "case").replace("/", "-") + FILE_SUFFIX
        path, _ = QFileDialog.getSaveFileName(self, "Save case", str(Path(self._start_folder()) / name),
                                              f"FOI Desktop cases (*{FILE_SUFFIX})")
        return path

    def _ask_export_path(self) -> str:
        base = self.document.case.reference or (self.document.path.stem if self.document.path else "letter")
        name = base.replace("/", "-") + " response.docx"
        path, _ = QFileDialog.getSaveFileName(self, "Export letter to Word", str(Path(self._start_folder()) / name),
                                              "Word documents (*.docx)")
        return path

    def _ask_import_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Import request", self._start_folder(),
                                              "Requests (*.txt *.docx *.eml *.msg);;All files (*)")
        return path

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = recent_files.load_recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _message(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
        self.last_message_box = show_message(self, title, text, icon=icon)
        return self.last_message_box

    # ================================================================== action slots

    def on_new(self) -> None:
        if self.maybe_save():
            self.new_case()

    def on_open(self) -> None:
        if not self.maybe_save():
            return
        path = self._ask_open_path()
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open with errors shown to the officer (for menus, drops and recent files)."""
        try:
            self.open_case(path)
        except CaseFileError as exc:
            if not Path(path).exists():
                recent_files.remove_recent(path)
            self._message("The case cannot be opened", str(exc))
            return False
        return True

    def on_save(self) -> bool:
        try:
            return self.save_case()
        except OutputError as exc:
            self._message("The case was not saved", str(exc))
            return False

    def on_save_as(self) -> bool:
        path = self._ask_save_path()
        if not path:
            return False
        try:
            return self.save_case(path)
        except OutputError as exc:
            self._message("The case was not saved", str(exc))
            return False

    def on_export(self) -> None:
        path = self._ask_export_path()
        if not path:
            return
        try:
            target = self.export_letter(path)
        except export_errors() as exc:
            self._message("The letter was not written", str(exc))
            return
        self.offer_to_open(target)

    def offer_to_open(self, target: Path) -> QMessageBox:
        problems = self.preview.problem_count
        box = QMessageBox(QMessageBox.Icon.Information, "Letter exported", f"The letter was saved as {target.name}.",
                          QMessageBox.StandardButton.Close, self)
        where = f"It is in {target.parent}."
        if problems:
            where += f" The refusal notice check still lists {problems} problem{'s' if problems != 1 else ''}."
        box.setInformativeText(where)
        open_button = box.addButton("&Open letter", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.setObjectName("exportDoneBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))
        box.open()
        self.last_message_box = box
        return box

    def on_import(self) -> None:
        if not self.maybe_save():
            return
        path = self._ask_import_path()
        if path:
            self.import_request(path)

    def import_request(self, path: str) -> bool:
        """Start a new case from a request file, through the review step."""
        from foi_desktop.intake import IntakeError, read_request_file

        try:
            parsed = read_request_file(path)
        except (IntakeError, OSError) as exc:  # the reader explains itself; the open case is kept
            self._message("The request cannot be imported", str(exc))
            return False
        self._review(parsed)
        return True

    def on_paste_request(self) -> None:
        if not self.maybe_save():
            return
        from foi_desktop.ui.paste_request import ask_for_request_text

        self.paste_dialog = ask_for_request_text(self, self.import_request_text)

    def import_request_text(self, text: str) -> None:
        """Start a new case from pasted text, through the review step."""
        from foi_desktop.intake import parse_request_text

        self._review(parse_request_text(text))

    def _review(self, parsed) -> None:
        from foi_desktop.ui.intake_review import review_request

        self.review_dialog = review_request(self, parsed, self._accept_imported_case)

    def _accept_imported_case(self, case: Case) -> None:
        if not case.questions:
            case.questions = [Question(label="1")]
        if case.received is None:
            case.received = self.today
        self.document.load(case, None, untitled_name="Imported request", modified=True)

    def on_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.applied.connect(self.apply_settings)
        dialog.finished.connect(lambda _result: setattr(self, "settings_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.details.refresh_organisation()
        self.editor.show_question(self.editor.index)
        self.render_preview()

    def on_about(self) -> None:
        from foi_desktop import __version__
        from foi_desktop import paths

        self._message(
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nAnswer Freedom of Information requests question by question.\n\n"
            f"Settings: {paths.config_dir()}\nAutosaves and recent files: {paths.data_dir()}",
            icon=QMessageBox.Icon.Information,
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = recent_files.load_recent()
        for number, path in enumerate(items, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not items:
            self.recent_menu.addAction("No recent cases").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear list", recent_files.clear_recent)

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    # ================================================================== questions

    def current_question(self) -> int:
        return self.editor.index

    def select_question(self, index: int) -> None:
        if 0 <= index < len(self.document.case.questions):
            self.question_list.select_row(index)
            if self.editor.index != index:
                self.editor.show_question(index)
            self.tabs.setCurrentIndex(self.question_tab)

    def select_question_by_label(self, label: str) -> None:
        for index, question in enumerate(self.document.case.questions):
            if question.label.strip() == label.strip():
                self.select_question(index)
                return

    def step_question(self, step: int) -> None:
        self.select_question(self.current_question() + step)

    def on_add_question(self) -> None:
        questions = self.document.case.questions
        at = self.current_question() + 1 if self.current_question() >= 0 else len(questions)
        self.document.replace_questions(question_ops.with_question_added(questions, at), "Add question", select=at)
        self.editor.focus_text_end()

    def on_remove_question(self) -> None:
        index = self.current_question()
        if index < 0:
            return
        questions = self.document.case.questions
        label = questions[index].label or index + 1
        self.document.replace_questions(question_ops.with_question_removed(questions, index),
                                        f"Remove question {label}", select=max(0, min(index, len(questions) - 2)))
        self.statusBar().showMessage(f"Removed question {label}. Undo brings it back.", 8000)

    def on_move_question(self, step: int) -> None:
        index = self.current_question()
        to = index + step
        questions = self.document.case.questions
        if index < 0 or not 0 <= to < len(questions):
            return
        from foi_desktop.ui.commands import ReplaceQuestions

        command = ReplaceQuestions(self.document, question_ops.with_question_moved(questions, index, to),
                                   text=f"Move question {questions[index].label or index + 1}", select=to,
                                   select_on_undo=index)
        self.document.undo_stack.push(command)

    def on_split_question(self) -> None:
        index = self.current_question()
        if index < 0:
            return
        questions = self.document.case.questions
        position = self.editor.text_cursor_position()
        if question_ops.split_text_at(questions[index].text, position) is None:
            self.statusBar().showMessage(
                "To split, put the cursor in the question's text where the second question starts.", 8000)
            return
        self.document.replace_questions(question_ops.with_question_split(questions, index, position),
                                        f"Split question {questions[index].label or index + 1}", select=index + 1)

    def on_merge_question(self) -> None:
        index = self.current_question()
        questions = self.document.case.questions
        if not 0 <= index < len(questions) - 1:
            return
        from foi_desktop.ui.commands import ReplaceQuestions

        command = ReplaceQuestions(self.document, question_ops.with_questions_merged(questions, index),
                                   text=f"Merge questions {questions[index].label} and {questions[index + 1].label}",
                                   select=index)
        self.document.undo_stack.push(command)

    def _update_question_actions(self) -> None:
        count = len(self.document.case.questions)
        index = self.current_question()
        selected = 0 <= index < count
        self.remove_question_action.setEnabled(selected)
        self.move_up_action.setEnabled(selected and index > 0)
        self.move_down_action.setEnabled(selected and index < count - 1)
        self.merge_action.setEnabled(selected and index < count - 1)
        self.split_action.setEnabled(selected)
        self.previous_question_action.setEnabled(selected and index > 0)
        self.next_question_action.setEnabled(selected and index < count - 1)

    # ================================================================== document signals

    def _on_loaded(self) -> None:
        self.header.binder.refresh_all()
        self.details.binder.refresh_all()
        self.details.refresh_organisation()
        self.details.refresh_extension_note()
        refresh_deadline(self.header, self.details, self.document, self.today)
        self.editor.index = -1
        if self.document.case.questions:
            self.select_question(0)
        else:
            self.editor.show_question(-1)
        self.tabs.setCurrentIndex(self.question_tab)
        self.question_list.view.setFocus()
        self._update_title()
        self._update_question_actions()
        self.render_preview()

    def _on_value_changed(self, path: FieldPath) -> None:
        if question_index(path) is None:
            self.header.binder.refresh(path)
            self.details.binder.refresh(path)
            if affects_deadline(path):
                refresh_deadline(self.header, self.details, self.document, self.today)
            if tuple(path) == ("regime",):
                self.details.refresh_extension_note()
        self.schedule_preview()

    def _on_questions_replaced(self, select: int) -> None:
        self.editor.index = -1
        self.select_question(select)
        if not self.document.case.questions:
            self.editor.show_question(-1)
        self._update_question_actions()
        self.schedule_preview()

    def _on_current_question(self, row: int) -> None:
        if row != self.editor.index:
            self.editor.show_question(row)
        self._update_question_actions()
        question = self.editor.question()
        if question is not None:
            self.preview.reveal(question.text)

    def _on_focus_requested(self, path: FieldPath) -> None:
        index = question_index(path)
        if index is not None:
            if index != self.current_question():
                self.select_question(index)
            self.tabs.setCurrentIndex(self.question_tab)
        elif not self.header.binder.refresh(path):
            self.tabs.setCurrentIndex(self.details_tab)

    def _on_clean_changed(self, clean: bool) -> None:
        if shiboken6.isValid(self):  # the undo stack also reports its clearing while the window is destroyed
            self.setWindowModified(not clean)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] – {APP_NAME}")
        self.setWindowModified(self.document.is_modified)
        self.statusBar().showMessage(one_line_summary(self.document.case), 4000)

    # ================================================================== preview

    def schedule_preview(self) -> None:
        """Redraw the letter once typing pauses: twice as long as the last redraw took, within 30–150 ms.

        A short letter follows the keyboard almost at once; a long one waits for a pause,
        so a keystroke never queues behind more than one redraw.
        """
        self.preview_timer.start(int(min(PREVIEW_DELAY_MS, max(PREVIEW_MIN_DELAY_MS, 2 * self.last_preview_ms))))

    def render_preview(self) -> None:
        self.preview_timer.stop()
        started = time.perf_counter()
        self.preview.show_preview(build_preview(self.document.case, self.settings))
        self.last_preview_ms = (time.perf_counter() - started) * 1000

    # ================================================================== window events

    def _is_pristine(self) -> bool:
        return not self.document.is_modified and self.document.undo_stack.count() == 0

    def _spawn_window(self) -> MainWindow:
        window = MainWindow(self.settings, today=self._today)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _OPEN_WINDOWS.append(window)
        window.destroyed.connect(lambda *_: _OPEN_WINDOWS.remove(window) if window in _OPEN_WINDOWS else None)
        window.show()
        return window

    def close_discarding(self) -> None:
        """Close without asking, throwing away unsaved changes and their draft (scripts only)."""
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if getattr(self, "_discarding", False) or self.maybe_save():
            self.autosaver.discard()
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Act after the drop returns, so a save prompt does not hold the other application's drag.
        QTimer.singleShot(0, lambda: self.open_dropped(path))

    def open_dropped(self, path: str) -> None:
        if not self.maybe_save():
            return
        if path.lower().endswith(FILE_SUFFIX):
            self.open_path(path)
        else:
            self.import_request(path)

    @staticmethod
    def _dropped_file(event: QDropEvent | QDragEnterEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                if path.lower().endswith((FILE_SUFFIX, *REQUEST_SUFFIXES)):
                    return path
        return None


_OPEN_WINDOWS: list[MainWindow] = []


def application_icon() -> QIcon:
    from foi_desktop.assets import resource_path

    icon = QIcon()
    folder = resource_path("icons")
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = folder / f"foi-desktop-{size}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon
