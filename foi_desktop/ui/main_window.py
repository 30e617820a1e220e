"""The main window: case details across the top, the questions on the left, the
selected question in the middle, the letter on the right.

It shows the :class:`~foi_desktop.ui.document.CaseDocument` and turns menu actions
into undoable commands; document habits (New, Open, Save, recent files, the
modified marker, the prompt on close, autosave) live here too.

Started by the application (:func:`foi_desktop.ui.app.open_window`), the window
comes up in two steps, so it is on screen as soon as a bare Qt window would be:

1. the frame: menus, toolbar, status bar, and the three panes with their headings
   (Questions; the Answer and Case details tabs; Letter preview), all empty;
2. on the next turn of the event loop after that first paint, the editors are
   built and the case is opened (the window is then *ready*: the case is shown and
   can be edited); the letter preview is drawn on the turn after, and the due date
   is counted on the one after that (the holiday calendar takes some 100 ms to load).

A key pressed, a menu command or shortcut, or a file dropped during step 1 first
finishes step 2 and is then handled as usual, so nothing is lost. A window made
directly (``MainWindow()``, as tests, the screenshot command and recovery into a
second window do) is built in one go and draws everything at once.

The modules behind the editors, dialogs and files are imported where they are
first used, not at the top of this module, so the frame does not wait for them.
For the same reason the frame does not touch PySide's ``Qt`` namespace: creating
its Python enums on first use takes some 12 ms, an eighth of a bare window's start.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
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

if TYPE_CHECKING:
    from foi_desktop.core.case import Case
    from foi_desktop.core.settings import Settings
    from foi_desktop.ui.autosave import Draft
    from foi_desktop.ui.case_details import CaseDetailsPage
    from foi_desktop.ui.document import FieldPath
    from foi_desktop.ui.settings_dialog import SettingsDialog

APP_NAME = "FOI Desktop"
PREVIEW_DELAY_MS = 0  # the letter is redrawn on the next turn of the event loop: a burst of keys gives one redraw
START_FALLBACK_MS = 1000  # step 2 of the start runs by then even if the window is never painted (minimised)
REQUEST_SUFFIXES = (".txt", ".docx", ".eml", ".msg")
CASE_SUFFIX = ".foi"  # as foi_desktop.core.fileformat.FILE_SUFFIX, for the frame's drop check
SAMPLE_TITLE = "Sample case"
PANE_WIDTHS = [270, 610, 520]  # questions, editor, letter


class MainWindow(QMainWindow):
    ready = Signal()  # step 2 of a two-step start is done: the case is shown and can be edited
    settled = Signal()  # ... and the letter preview and the due date are drawn too

    def __init__(self, settings: Settings | None = None, *, today: _dt.date | None = None,
                 build: bool = True) -> None:
        """``build=False`` makes only the frame; :meth:`start_after_first_paint` finishes it (see the module)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._given_settings = settings
        self._today = today
        self.undo_stack = QUndoStack(self)  # the document's, made first so the Edit menu has it
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
        self.is_built = False
        self._opening: Callable[[], object] | None = None  # step 2's way of opening the first case
        self._holding = False  # while step 2 runs: the preview and the deadline wait for their own turns
        self._preview_stale = False
        self._deadline_stale = False
        self._has_case = False
        self._details: CaseDetailsPage | None = None
        self._deadline_summary = None

        self._build_actions()
        self._build_menus()
        self._build_frame()
        self.setAcceptDrops(True)
        self._fit_to_screen(1400, 900)
        if build:
            self.build()
            self.new_case()

    # ================================================================== building

    def _build_frame(self) -> None:
        """What the first paint shows: the panes with their headings, empty until :meth:`build` fills them."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.editor_scroll = _scroll_area()
        self.details_scroll = _scroll_area()
        self.question_tab = self.tabs.addTab(self.editor_scroll, "&Answer")
        self.details_tab = self.tabs.addTab(self.details_scroll, "Case &details")
        self.tabs.setTabToolTip(self.question_tab, "The selected question and its answer")
        self.tabs.setTabToolTip(self.details_tab, "Requester, deadline, letter date and case notes")

        self.splitter = QSplitter()
        self.splitter.addWidget(_empty_pane("Questions"))
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(_empty_pane("Letter preview"))
        self.splitter.setChildrenCollapsible(False)
        self._proportion_panes(PANE_WIDTHS)

        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(8, 6, 8, 4)
        self._header_space = QWidget()  # keeps the case header's room, so the panes do not move when it comes
        self._header_space.setMinimumHeight(_field_height())
        self._central_layout.addWidget(self._header_space)
        self._central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar()

    def build(self) -> None:
        """Make the editors and panels and fill the frame with them (once)."""
        if self.is_built:
            return
        from PySide6.QtCore import Qt

        from foi_desktop.core.settings import load_settings
        from foi_desktop.ui.autosave import Autosaver
        from foi_desktop.ui.case_details import CaseHeader
        from foi_desktop.ui.document import CaseDocument
        from foi_desktop.ui.preview_panel import PreviewPanel
        from foi_desktop.ui.question_editor import QuestionEditor
        from foi_desktop.ui.question_list import QuestionListPanel
        from foi_desktop.ui.snippets import load_snippets
        from foi_desktop.ui.widgets import MessageBar, name_controls

        self.settings = self._given_settings if self._given_settings is not None else load_settings()
        self.document = CaseDocument(self, undo_stack=self.undo_stack)
        self.autosaver = Autosaver(self.document, lambda: self.settings.autosave_seconds, self)
        self.snippets = load_snippets()

        # Placed in reading order: a widget joins the end of the window's Tab order when placed.
        widths = self.splitter.sizes() if self.isVisible() else PANE_WIDTHS  # as the officer sees them, if shown
        self.message_bar = MessageBar()
        self._central_layout.insertWidget(0, self.message_bar)
        self.header = CaseHeader(self.document)
        self._central_layout.replaceWidget(self._header_space, self.header)
        self._header_space.deleteLater()
        self.question_list = QuestionListPanel(self.document)
        self.splitter.replaceWidget(0, self.question_list).deleteLater()
        self.question_list.add_actions(
            [self.add_question_action, self.remove_question_action, self.split_action,
             self.move_up_action, self.move_down_action, self.merge_action]
        )
        self.editor = QuestionEditor(self.document, lambda: self.settings, self.snippets)
        self.editor_scroll.setWidget(self.editor)
        for scroll in (self.editor_scroll, self.details_scroll):
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the area follows them
        _tab_order_after(_last_in_tab_order(self.question_list), self.tabs)  # the frame's tabs were placed first
        self.preview = PreviewPanel()
        self.splitter.replaceWidget(2, self.preview).deleteLater()
        self._proportion_panes(widths)

        self.autosave_label = QLabel()
        self.statusBar().addPermanentWidget(self.autosave_label)
        name_controls(self)
        self._connect()
        self.is_built = True

    def _proportion_panes(self, widths: list[int]) -> None:
        """The panes' widths, and how they share a change of the window's width (kept by each pane's widget)."""
        for index, stretch in enumerate((2, 4, 4)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes(widths)

    @property
    def details(self) -> CaseDetailsPage:
        """The Case details tab, made the first time it is shown or asked for."""
        if self._details is None:
            from foi_desktop.ui.case_details import CaseDetailsPage

            from foi_desktop.ui.widgets import name_controls

            page = CaseDetailsPage(self.document, lambda: self.settings)
            name_controls(page)
            page.refresh_all()
            if self._deadline_summary is not None:
                page.show_deadline(self._deadline_summary)
            self._details = page
            self.details_scroll.setWidget(page)
            _tab_order_after(_last_in_tab_order(page), self.preview)  # the page's fields come before the letter
        return self._details

    def _icon(self, theme: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap) -> QIcon:
        return QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _action(self, text: str, slot, shortcut=None, *, tip: str = "", icon: QIcon | None = None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icon)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # the platform's own keys (none where the platform has none)
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])  # (setShortcut would make PySide build the Qt enums)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: self._when_started(slot))
        self.addAction(action)
        return action

    def _when_started(self, slot: Callable[[], object]) -> None:
        """A command chosen during a two-step start finishes the start first, then runs."""
        self.finish_start()
        slot()

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
            self.save_as_action.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.export_action = self._action("&Export to Word…", self.on_export, "Ctrl+E",
                                          tip="Write the letter as a Word document",
                                          icon=self._icon(T.DocumentSend, P.SP_FileDialogDetailedView))
        self.settings_action = self._action("Se&ttings…", self.on_settings, S.Preferences,
                                            tip="Your organisation, letterhead and preferences")
        if not self.settings_action.shortcuts():
            self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.quit_action = self._action("E&xit", self.close, S.Quit, tip="Close FOI Desktop")
        if not self.quit_action.shortcuts():
            self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])

        stack = self.undo_stack
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
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # by name: see the module docstring
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
        self.tabs.currentChanged.connect(lambda index: self.details if index == self.details_tab else None)
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
        from foi_desktop.core.case import Case, Question

        case = Case(regime=self.settings.default_regime, received=self.today, questions=[Question(label="1")])
        self.document.load(case, None, untitled_name="Untitled")

    def load_sample(self) -> None:
        from foi_desktop.core.sample import load_sample

        self.document.load(load_sample(), None, untitled_name=SAMPLE_TITLE)

    def open_case(self, path: str | os.PathLike[str]) -> None:
        """Open a .foi file in this window; raises CaseFileError with a message for the officer."""
        from foi_desktop.core.fileformat import load_case
        from foi_desktop.ui import recent_files

        case = load_case(path)
        self.document.load(case, Path(path).absolute())
        recent_files.add_recent(path)
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)

    def save_case(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Save to ``path`` (or the case's own file; asks for a name when it has none).

        Returns False when the officer cancelled; raises OutputError when the file cannot be written.
        """
        from foi_desktop.core.fileformat import FILE_SUFFIX
        from foi_desktop.core.fileformat import save_case as write_case_file
        from foi_desktop.ui import recent_files

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
        from foi_desktop.ui.letter_bridge import export_docx

        export_docx(self.document.case, self.settings, target)
        self.statusBar().showMessage(f"Letter written to {target}", 8000)
        return target

    def recover_draft(self, draft: Draft) -> MainWindow | None:
        """Open a recovered draft (in a new window when this one holds work); the draft file goes once it is safe."""
        from foi_desktop.core.fileformat import CaseFileError

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
        if not self.is_built or not self.document.is_modified:
            return True
        from foi_desktop.core.atomic import OutputError

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
        from PySide6.QtWidgets import QFileDialog

        from foi_desktop.core.fileformat import FILE_SUFFIX

        path, _ = QFileDialog.getOpenFileName(self, "Open case", self._start_folder(),
                                              f"FOI Desktop cases (*{FILE_SUFFIX});;All files (*)")
        return path

    def _ask_save_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        from foi_desktop.core.fileformat import FILE_SUFFIX

        name = (self.document.case.reference or "case").replace("/", "-") + FILE_SUFFIX
        path, _ = QFileDialog.getSaveFileName(self, "Save case", str(Path(self._start_folder()) / name),
                                              f"FOI Desktop cases (*{FILE_SUFFIX})")
        return path

    def _ask_export_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        base = self.document.case.reference or (self.document.path.stem if self.document.path else "letter")
        name = base.replace("/", "-") + " response.docx"
        path, _ = QFileDialog.getSaveFileName(self, "Export letter to Word", str(Path(self._start_folder()) / name),
                                              "Word documents (*.docx)")
        return path

    def _ask_import_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Import request", self._start_folder(),
                                              "Requests (*.txt *.docx *.eml *.msg);;All files (*)")
        return path

    def _start_folder(self) -> str:
        from foi_desktop.ui import recent_files

        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = recent_files.load_recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _message(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
        from foi_desktop.ui.widgets import show_message

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
        from foi_desktop.core.fileformat import CaseFileError
        from foi_desktop.ui import recent_files

        try:
            self.open_case(path)
        except CaseFileError as exc:
            if not Path(path).exists():
                recent_files.remove_recent(path)
            self._message("The case cannot be opened", str(exc))
            return False
        return True

    def on_save(self) -> bool:
        from foi_desktop.core.atomic import OutputError

        try:
            return self.save_case()
        except OutputError as exc:
            self._message("The case was not saved", str(exc))
            return False

    def on_save_as(self) -> bool:
        from foi_desktop.core.atomic import OutputError

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
        from foi_desktop.ui.letter_bridge import export_errors

        try:
            target = self.export_letter(path)
        except export_errors() as exc:
            self._message("The letter was not written", str(exc))
            return
        self.offer_to_open(target)

    def offer_to_open(self, target: Path) -> QMessageBox:
        from PySide6.QtCore import Qt, QUrl

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
        from foi_desktop.core.case import Question

        if not case.questions:
            case.questions = [Question(label="1")]
        if case.received is None:
            case.received = self.today
        self.document.load(case, None, untitled_name="Imported request", modified=True)

    def on_settings(self) -> None:
        from PySide6.QtCore import Qt

        from foi_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.applied.connect(self.apply_settings)
        dialog.finished.connect(lambda _result: setattr(self, "settings_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self._details is not None:
            self._details.refresh_organisation()
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
        from foi_desktop.ui import recent_files

        self.recent_menu.clear()
        items = recent_files.load_recent()
        for number, path in enumerate(items, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._when_started(lambda: self._open_recent(p)))
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
        from foi_desktop.ui import question_ops

        questions = self.document.case.questions
        at = self.current_question() + 1 if self.current_question() >= 0 else len(questions)
        self.document.replace_questions(question_ops.with_question_added(questions, at), "Add question", select=at)
        self.editor.focus_text_end()

    def on_remove_question(self) -> None:
        from foi_desktop.ui import question_ops

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
        from foi_desktop.ui import question_ops
        from foi_desktop.ui.commands import ReplaceQuestions

        command = ReplaceQuestions(self.document, question_ops.with_question_moved(questions, index, to),
                                   text=f"Move question {questions[index].label or index + 1}", select=to,
                                   select_on_undo=index)
        self.document.undo_stack.push(command)

    def on_split_question(self) -> None:
        from foi_desktop.ui import question_ops

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
        from foi_desktop.ui import question_ops
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
        self._has_case = True
        self.header.binder.refresh_all()
        if self._details is not None:
            self._details.refresh_all()
        self.refresh_deadline()
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
        _keep_out_of_garbage_collection()

    def _on_value_changed(self, path: FieldPath) -> None:
        from foi_desktop.ui.case_details import affects_deadline
        from foi_desktop.ui.document import question_index

        if question_index(path) is None:
            self.header.binder.refresh(path)
            if self._details is not None:
                self._details.binder.refresh(path)
                if tuple(path) == ("regime",):
                    self._details.refresh_extension_note()
            if affects_deadline(path):
                self.refresh_deadline()
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
        from foi_desktop.ui.document import question_index

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
        from foi_desktop.core.summary import one_line_summary

        self.setWindowTitle(f"{self.document.display_name}[*] – {APP_NAME}")
        self.setWindowModified(self.document.is_modified)
        self.statusBar().showMessage(one_line_summary(self.document.case), 4000)

    # ================================================================== the deadline and the preview

    def refresh_deadline(self) -> None:
        """Count the due date and show it in the header and on the Case details tab."""
        if self._holding:
            self._deadline_stale = True
            return
        from foi_desktop.ui.deadline_text import summarise

        self._deadline_stale = False
        summary = self._deadline_summary = summarise(self.document.case, self.today)
        self.header.deadline.show_summary(summary)
        if self._details is not None:
            self._details.show_deadline(summary)

    def schedule_preview(self) -> None:
        """Redraw the letter on the next turn of the event loop.

        Keys that arrive together (a fast typist, a paste, auto-repeat) are handled first
        and give one redraw; the redraw replaces only the blocks that changed (see
        preview_panel.py), so it takes a few milliseconds even for a 300-question letter.
        """
        self.preview_timer.start(PREVIEW_DELAY_MS)

    def render_preview(self) -> None:
        self.preview_timer.stop()
        if self._holding:
            self._preview_stale = True
            return
        from foi_desktop.ui.letter_bridge import build_preview

        self._preview_stale = False
        started = time.perf_counter()
        self.preview.show_preview(build_preview(self.document.case, self.settings))
        self.last_preview_ms = (time.perf_counter() - started) * 1000

    # ================================================================== the two-step start

    def start_after_first_paint(self, opening: Callable[[], object]) -> None:
        """Finish a frame-only window (``build=False``) once it has been painted: build, then ``opening()``.

        ``opening`` opens the first case (the application's start-up rules); when it opens
        none, the window starts a new one.
        """
        self._opening = opening
        QTimer.singleShot(START_FALLBACK_MS, self, self.finish_start)

    @property
    def is_starting(self) -> bool:
        """True between the frame's first paint and the end of step 2 (the case shown and editable)."""
        return self._opening is not None

    def finish_start(self) -> None:
        """Step 2 of the start, now: build the editors and open the case; the preview and due date follow.

        Runs once; called after the first paint, and at once by anything that needs the
        whole window sooner (a key, a command, a dropped file).
        """
        opening, self._opening = self._opening, None
        if opening is None:
            return
        self._holding = True
        try:
            self.build()
            opening()
            if not self._has_case:
                self.new_case()
        finally:
            self._holding = False
        self.ready.emit()
        QTimer.singleShot(0, self, self._draw_held_preview)

    def _draw_held_preview(self) -> None:
        if self._preview_stale:
            self.render_preview()
        QTimer.singleShot(0, self, self._count_held_deadline)

    def _count_held_deadline(self) -> None:
        if self._deadline_stale:
            self.refresh_deadline()
        _keep_out_of_garbage_collection()  # the letter package and the holiday calendar are loaded by now
        self.settled.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._opening is not None:
            QTimer.singleShot(0, self, self.finish_start)  # the rest of this first frame is painted before it runs

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """A key typed before the editors exist: finish the start, then give the key to the field that has focus."""
        if self._opening is not None:
            self.finish_start()
            target = self.focusWidget()
            if target is not None and target is not self:
                QApplication.sendEvent(target, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(),
                                                         event.isAutoRepeat(), event.count()))
                return
        super().keyPressEvent(event)

    # ================================================================== window events

    def _is_pristine(self) -> bool:
        return not self.document.is_modified and self.document.undo_stack.count() == 0

    def _spawn_window(self) -> MainWindow:
        from PySide6.QtCore import Qt

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
            self._opening = None  # closed during a two-step start: nothing more to build
            if self.is_built:
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
        QTimer.singleShot(0, self, lambda: self.open_dropped(path))

    def open_dropped(self, path: str) -> None:
        self.finish_start()  # a file dropped during a two-step start opens after the first case, not before
        if not self.maybe_save():
            return
        if path.lower().endswith(CASE_SUFFIX):
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
                if path.lower().endswith((CASE_SUFFIX, *REQUEST_SUFFIXES)):
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


def _keep_out_of_garbage_collection() -> None:
    """Leave what exists now (modules, templates, widgets, the open case) out of the cycle collector's full passes.

    A full pass over a window with a 300-question case open takes 25-30 ms here, and
    it falls on whatever allocates next: often a keystroke's redraw, which then takes
    twice as long. Objects that are already there are long-lived; ``gc.freeze`` keeps
    them out of those passes (they are still freed as usual when nothing refers to them).
    """
    gc.freeze()


def _empty_pane(heading: str) -> QWidget:
    """A pane of the frame before its panel is built: the heading the panel will have, over an empty box."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    title = QLabel(heading)
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    layout.addWidget(title)
    layout.addWidget(box, 1)
    return pane


def _scroll_area() -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll


def _field_height() -> int:
    """The height of a one-line field in the current style: the case header is one row of them."""
    from PySide6.QtWidgets import QComboBox

    return QComboBox().sizeHint().height()


def _in_tab_order(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops at, in the window's Tab order."""
    from PySide6.QtCore import Qt

    found, widget = [], container.window()
    for _ in range(10_000):  # the chain is a ring through the window; the bound only guards against a broken one
        widget = widget.nextInFocusChain()
        if widget is container.window():
            break
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def _last_in_tab_order(container: QWidget) -> QWidget:
    widgets = _in_tab_order(container)
    return widgets[-1] if widgets else container


def _tab_order_after(anchor: QWidget, container: QWidget) -> None:
    """Move the Tab stops inside ``container`` to just after ``anchor``, keeping their own order.

    A panel placed in the window after its neighbours joins the end of the Tab order;
    this puts it back where it is read.
    """
    previous = anchor
    for widget in _in_tab_order(container):
        QWidget.setTabOrder(previous, widget)
        previous = widget
