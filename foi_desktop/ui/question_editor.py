"""The editor for the selected question: its wording, options or table, and the officer's answer.

Built once and pointed at one question at a time (see question_list.py for why).
Sections appear when the answer needs them: exemptions for a refusal, the public
interest test for a qualified exemption, the cost estimate for section 12, where
the information is published for section 21.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Outcome, Question, QuestionKind
from foi_desktop.core.settings import Settings
from foi_desktop.ui import catalogue, question_ops
from foi_desktop.ui.binder import Binder
from foi_desktop.ui.document import CaseDocument, FieldPath, question_index
from foi_desktop.ui.exemption_picker import ExemptionPicker
from foi_desktop.ui.flow_layout import flow_container
from foi_desktop.ui.letter_bridge import cost_limit
from foi_desktop.ui.options_editor import OptionsDialog, OptionsEditor
from foi_desktop.ui.snippets import Snippet
from foi_desktop.ui.table_editor import TableEditor
from foi_desktop.ui.widgets import PlainTextField, buddy_label, shrinkable

OUTCOMES_WITH_EXEMPTIONS = (Outcome.EXEMPT, Outcome.PARTLY_PROVIDED, Outcome.NEITHER_CONFIRM_NOR_DENY)


class QuestionEditor(QWidget):
    def __init__(self, document: CaseDocument, settings: Callable[[], Settings], snippets: list[Snippet],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionEditor")
        self.document = document
        self.settings = settings
        self.snippets = snippets
        self.index = -1
        self.options_dialog: OptionsDialog | None = None
        self.binder = Binder(document, prefix=lambda: ("questions", self.index))
        self._build()
        self._bind()
        document.value_changed.connect(self._on_value_changed)
        self.setEnabled(False)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

        self.number = QLineEdit()
        self.number.setMaximumWidth(self.number.fontMetrics().horizontalAdvance("0000000") + 16)
        self.text = PlainTextField(lines=3)
        self.text.setObjectName("questionText")
        top = QFormLayout()
        top.addRow(buddy_label("&Number:", self.number), self.number)
        top.addRow(buddy_label("Question &text:", self.text), self.text)

        self.options = OptionsEditor()
        self.options.choice_made.connect(self._on_choice)
        self.options.edit_requested.connect(self.edit_options)
        self.options_box = QGroupBox("Options: choose one")
        QVBoxLayout(self.options_box).addWidget(self.options)

        self.add_options_button = QPushButton("Add &options…")
        self.add_options_button.clicked.connect(self.edit_options)
        self.add_table_button = QPushButton("Add a ta&ble")
        self.add_table_button.clicked.connect(self._add_table)
        self.kind_row = flow_container(QLabel("Free-text question."), self.add_options_button, self.add_table_button)

        self.table = TableEditor(self.document, lambda: ("questions", self.index))
        self.table_box = QGroupBox("Table")
        QVBoxLayout(self.table_box).addWidget(self.table)

        self.outcome = shrinkable(QComboBox())
        self.outcome.setObjectName("outcome")
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.exemptions = ExemptionPicker()
        self.exemptions.exemptions_edited.connect(self._on_exemptions)
        self.exemptions_box = QGroupBox("Exemptions")
        QVBoxLayout(self.exemptions_box).addWidget(self.exemptions)

        self.pit_for = PlainTextField(lines=2)
        self.pit_against = PlainTextField(lines=2)
        self.pit_conclusion = PlainTextField(lines=2)
        self.pit_box = QGroupBox("Public interest test")
        pit = QFormLayout(self.pit_box)
        pit.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        pit.addRow(buddy_label("In favour of disc&losure:", self.pit_for), self.pit_for)
        pit.addRow(buddy_label("In favour of &withholding:", self.pit_against), self.pit_against)
        pit.addRow(buddy_label("&Conclusion:", self.pit_conclusion), self.pit_conclusion)

        self.cost_items = QSpinBox()
        self.cost_items.setRange(-1, 10_000_000)
        self.cost_items.setSpecialValueText("not set")
        self.cost_items.setGroupSeparatorShown(True)
        self.cost_minutes = QDoubleSpinBox()
        self.cost_minutes.setRange(-1, 10_000)
        self.cost_minutes.setDecimals(1)
        self.cost_minutes.setSpecialValueText("not set")
        self.cost_hours = QLabel()
        self.cost_hours.setWordWrap(True)
        self.cost_hours.setObjectName("costHours")
        self.cost_activity = QLineEdit()
        self.cost_activity.setPlaceholderText("e.g. locating, retrieving and extracting each record")
        self.cost_advice = PlainTextField(lines=2)
        self.cost_box = QGroupBox("Cost estimate (section 12)")
        cost = QFormLayout(self.cost_box)
        cost.addRow(buddy_label("&Items to check:", self.cost_items), self.cost_items)
        cost.addRow(buddy_label("&Minutes per item:", self.cost_minutes), self.cost_minutes)
        cost.addRow(QLabel("Estimate:"), self.cost_hours)
        cost.addRow(buddy_label("Activit&y:", self.cost_activity), self.cost_activity)
        cost.addRow(buddy_label("Advice t&o narrow:", self.cost_advice), self.cost_advice)

        self.location = QLineEdit()
        self.location.setPlaceholderText("web address or where the requester can find it")
        self.location_row = QWidget()
        location = QFormLayout(self.location_row)
        location.setContentsMargins(0, 0, 0, 0)
        location.addRow(buddy_label("&Where it is published:", self.location), self.location)

        self.explanation = PlainTextField(lines=5)
        self.explanation.setObjectName("explanation")
        self.snippet_button = QPushButton("Insert standard &paragraph")
        self.snippet_button.setToolTip("Insert a standard paragraph at the cursor (resources/snippets.json)")
        self.snippet_menu = QMenu(self.snippet_button)
        self.snippet_menu.aboutToShow.connect(self._fill_snippet_menu)
        self.snippet_button.setMenu(self.snippet_menu)
        explanation_head = flow_container(buddy_label("E&xplanation (appears in the letter):", self.explanation),
                                          self.snippet_button)

        self.answer_box = QGroupBox("Answer")
        answer = QVBoxLayout(self.answer_box)
        outcome_row = QFormLayout()
        outcome_row.addRow(buddy_label("O&utcome:", self.outcome), self.outcome)
        answer.addLayout(outcome_row)
        answer.addWidget(self.exemptions_box)
        answer.addWidget(self.pit_box)
        answer.addWidget(self.cost_box)
        answer.addWidget(self.location_row)
        answer.addWidget(explanation_head)
        answer.addWidget(self.explanation)

        self.notes = PlainTextField(lines=2)
        self.notes.setObjectName("questionNotes")
        self.notes_box = QGroupBox("Internal notes: never sent to the requester")
        notes = QVBoxLayout(self.notes_box)
        notes_label = buddy_label("Notes for colleagues (&kept in the case file only):", self.notes)
        notes.addWidget(notes_label)
        notes.addWidget(self.notes)

        self.title.setWordWrap(True)
        self.body = QWidget()  # hidden when no question is shown, so a removed question's text does not linger
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        body.addWidget(self.kind_row)
        body.addWidget(self.options_box)
        body.addWidget(self.table_box)
        body.addWidget(self.answer_box)
        body.addWidget(self.notes_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def _bind(self) -> None:
        b = self.binder
        b.line(self.number, ("label",))
        b.plain(self.text, ("text",))
        b.custom(("options",), self._refresh_options)
        b.custom(("answer", "choice"), self._refresh_options)
        b.custom(("table",), self.table.refresh)
        b.combo(self.outcome, ("answer", "outcome"), Outcome)
        b.custom(("answer", "exemptions"), self._refresh_exemptions)
        b.plain(self.pit_for, ("answer", "public_interest", "favouring_disclosure"))
        b.plain(self.pit_against, ("answer", "public_interest", "favouring_withholding"))
        b.plain(self.pit_conclusion, ("answer", "public_interest", "conclusion"))
        b.optional_number(self.cost_items, ("answer", "cost", "items"), int)
        b.optional_number(self.cost_minutes, ("answer", "cost", "minutes_per_item"), float)
        b.line(self.cost_activity, ("answer", "cost", "activity"))
        b.plain(self.cost_advice, ("answer", "cost", "advice"))
        b.line(self.location, ("answer", "location"))
        b.plain(self.explanation, ("answer", "explanation"))
        b.plain(self.notes, ("notes",))

    # ------------------------------------------------------------------ showing a question

    def question(self) -> Question | None:
        questions = self.document.case.questions
        return questions[self.index] if 0 <= self.index < len(questions) else None

    def show_question(self, index: int) -> None:
        self.index = index if 0 <= index < len(self.document.case.questions) else -1
        self.setEnabled(self.index >= 0)
        self.body.setVisible(self.index >= 0)
        if self.index < 0:
            self.title.setText(
                "No question selected." if self.document.case.questions
                else "This case has no questions. Add one with Question ▸ Add question (Ctrl+Shift+N)."
            )
            return
        self._relabel_outcomes()
        self.binder.refresh_all()
        self._update_sections()

    def _on_value_changed(self, path: FieldPath) -> None:
        if path == ("regime",):
            self._relabel_outcomes()
            if self.index >= 0:
                self._refresh_exemptions()
                self._update_sections()
        elif question_index(path) == self.index and self.index >= 0:
            self.binder.refresh(path)
            self._update_sections()

    def _relabel_outcomes(self) -> None:
        regime = self.document.case.regime
        for row in range(self.outcome.count()):
            self.outcome.setItemText(row, Outcome(self.outcome.itemData(row)).label_for(regime))

    def _update_sections(self) -> None:
        question = self.question()
        if question is None:
            return
        answer = question.answer
        count = len(self.document.case.questions)
        self.title.setText(f"Question {question.label or self.index + 1}  ({self.index + 1} of {count})")
        kind = question.kind
        self.options_box.setVisible(kind is QuestionKind.OPTIONS)
        self.table_box.setVisible(kind is QuestionKind.TABLE)
        self.kind_row.setVisible(kind is QuestionKind.FREE)
        outcome = answer.outcome
        environmental = self.document.case.regime.is_environmental
        self.exemptions_box.setTitle("Exceptions" if environmental else "Exemptions")
        self.exemptions_box.setVisible(outcome in OUTCOMES_WITH_EXEMPTIONS or bool(answer.exemptions))
        self.pit_box.setVisible(
            catalogue.needs_public_interest_test(answer.exemptions, self.document.case.regime) or not answer.public_interest.is_empty
        )
        self.cost_box.setVisible(outcome is Outcome.COST_LIMIT or not answer.cost.is_empty)
        self.location_row.setVisible(outcome is Outcome.ACCESSIBLE_ELSEWHERE or bool(answer.location.strip()))
        if self.cost_box.isVisibleTo(self):
            limit = cost_limit(self.document.case, self.settings())
            self.cost_box.setTitle(f"Cost estimate ({limit.provision})")
            self.cost_hours.setText(limit.describe(question.answer.cost.hours))

    # ------------------------------------------------------------------ options and table

    def _refresh_options(self) -> None:
        question = self.question()
        if question is not None:
            self.options.set_options(question.options, question.answer.choice)
            # radio buttons made now would come last in the Tab order: put them after the question's text
            chain = [self.text, *self.options.radios, self.options.clear_button]
            for before, after in zip(chain, chain[1:]):
                QWidget.setTabOrder(before, after)

    def _on_choice(self, choice: int | None) -> None:
        if self.index >= 0:
            text = "Clear choice" if choice is None else "Choose option"
            self.document.set_value(("questions", self.index, "answer", "choice"), choice,
                                    text=f"{text} (question {self.question().label or self.index + 1})")
            self._refresh_options()  # a cleared choice is not shown by the radio buttons themselves

    def edit_options(self) -> None:
        """Open the options dialog (not blocking); the result becomes one undoable step."""
        question = self.question()
        if question is None:
            return
        dialog = OptionsDialog(question.options, self)
        index = self.index
        dialog.accepted.connect(lambda: self._apply_options(index, dialog.options()))
        dialog.finished.connect(lambda _result: setattr(self, "options_dialog", None))
        self.options_dialog = dialog
        dialog.open()

    def _apply_options(self, index: int, options: list[str]) -> None:
        question = self.document.case.questions[index]
        choice = question_ops.remapped_choice(question.options, question.answer.choice, options)
        self.document.set_values(
            [(("questions", index, "options"), options), (("questions", index, "answer", "choice"), choice)],
            f"Edit options (question {question.label or index + 1})",
        )

    def _add_table(self) -> None:
        if self.index >= 0:
            label = self.question().label or self.index + 1
            self.document.set_value(("questions", self.index, "table"), question_ops.new_table(),
                                    text=f"Add table (question {label})")

    # ------------------------------------------------------------------ exemptions

    def _refresh_exemptions(self) -> None:
        question = self.question()
        if question is not None:
            self.exemptions.set_state(self.document.case.regime, question.answer.exemptions)

    def _on_exemptions(self, applied: list[str]) -> None:
        if self.index >= 0:
            self.document.set_value(("questions", self.index, "answer", "exemptions"), applied)

    # ------------------------------------------------------------------ standard paragraphs

    def _fill_snippet_menu(self) -> None:
        self.snippet_menu.clear()
        regime = self.document.case.regime
        for snippet in self.snippets:
            if snippet.applies_to(regime):
                action = self.snippet_menu.addAction(snippet.title)
                action.triggered.connect(lambda _checked=False, s=snippet: self.insert_snippet(s))
        if self.snippet_menu.isEmpty():
            self.snippet_menu.addAction("No standard paragraphs installed").setEnabled(False)

    def insert_snippet(self, snippet: Snippet) -> None:
        """Insert at the cursor, as its own undo step, with a blank line between paragraphs."""
        question = self.question()
        if question is None:
            return
        short_name = self.document.organisation(self.settings()).short_name
        paragraph = snippet.filled(short_name, self.document.case.regime)
        current = self.explanation.toPlainText()
        position = self.explanation.textCursor().position()
        before, after = current[:position], current[position:]
        if before.strip():
            before = before.rstrip("\n") + "\n\n"
        if after.strip():
            after = "\n\n" + after.lstrip("\n")
        new_text = before + paragraph + after
        self.document.set_value(("questions", self.index, "answer", "explanation"), new_text,
                                text=f"Insert standard paragraph (question {question.label or self.index + 1})")
        cursor = self.explanation.textCursor()
        cursor.setPosition(len(before) + len(paragraph))
        self.explanation.setTextCursor(cursor)
        self.explanation.setFocus()

    # ------------------------------------------------------------------ for the Question menu

    def text_cursor_position(self) -> int:
        return self.text.textCursor().position()

    def focus_text_end(self) -> None:
        self.text.setFocus()
        self.text.moveCursor(QTextCursor.MoveOperation.End)

