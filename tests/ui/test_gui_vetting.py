"""党风廉政意见回复 in the GUI: the vetting officer's window on a real vault, from the letter
to the signed reply (草稿 → 审核中 → 已回复), with the dialogs answered as a user would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from exports.certificates import SigningIdentity, create_unit_identity
from exports.verify import verify_pdf
from records.model import User
from records.services.dossier_records import RecordService
from records.services.signing_identity import SigningIdentityService, StoredIdentity
from records.services.vetting import VettingService
from records.vault import unlock_vault
from records.vetting_model import CandidateView, VettingRequest
from records.vetting_terms import Category, Purpose, RequestState
from tests.ui.conftest import (
    PASSWORDS,
    WAIT_MS,
    AnsweringFileDialogs,
    RecordingNotices,
    Vault,
)
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker
from ui.vetting_actions import AllowedSteps, allowed_steps
from ui.vetting_attest_dialog import AttestDialog
from ui.vetting_candidate_picker import CandidatePicker
from ui.vetting_models import REASONS_COLUMN, REQUEST_STATE_COLUMN
from ui.vetting_override_dialog import OverrideDialog
from ui.vetting_reply_flow import suggested_file_name
from ui.vetting_request_dialog import NewRequestDialog
from ui.vetting_window import VettingWindow

SIGN_MS = 30_000
TODAY = date.today()  # the GUI tests run on the vault's real clock
LETTER_NUMBER = "青组函〔2026〕12号"
LETTER_UNIT = "中共青山县委组织部"


@pytest.fixture(scope="module")
def identity() -> SigningIdentity:
    # Module scope: RSA key generation is the slow part of this file.
    return create_unit_identity("青山县纪委监委")


@pytest.fixture
def vetting_vault(vault: Vault, identity: SigningIdentity) -> Vault:
    """The signing certificate installed; 李秀英 has a clue in 初步核实, 王伟 a Party warning
    whose influence period is running; 张建国 has nothing on file."""
    with unlock_vault(vault.path, "secadmin1", PASSWORDS["secadmin1"]) as session:
        SigningIdentityService(session).install(
            StoredIdentity(
                identity.unit,
                identity.root_cert_pem,
                identity.signing_cert_pem,
                identity.signing_key_pem,
            )
        )
    with unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        records = RecordService(session)
        records.add(
            vault.official_ids["李秀英"],
            "clue",
            (TODAY - timedelta(days=60)).isoformat(),
            {
                "summary": "群众反映其违规收受礼金",
                "custodian": "clerk1",
                "disposal": "初步核实",
                "status": "处置中",
            },
        )
        records.add(
            vault.official_ids["王伟"],
            "sanction",
            (TODAY - timedelta(days=30)).isoformat(),
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2026〕3号"},
        )
    return vault


def open_main(
    qtbot: QtBot,
    worker: VaultWorker,
    user: User,
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
) -> MainWindow:
    main = MainWindow(worker, user, file_dialogs=file_dialogs, notices=notices)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.search.model.rowCount() == 3, timeout=WAIT_MS)
    return main


def open_vetting(qtbot: QtBot, main: MainWindow) -> VettingWindow:
    action = main.menu_actions.vetting
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    window = main.findChild(VettingWindow)
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.requests_box.title().startswith("来函("), timeout=WAIT_MS)
    return window


def candidate(window: VettingWindow, name: str) -> CandidateView:
    model = window.detail_panel.candidate_model
    views = [model.candidate_at(row) for row in range(model.rowCount())]
    return next(v for v in views if v.official.name == name)


def select(window: VettingWindow, name: str) -> None:
    panel = window.detail_panel
    panel.select_candidate(candidate(window, name).official.id)
    current = panel.current_candidate()
    assert current is not None and current.official.name == name


def cell(model: object, row: int, column: int) -> str:
    from ui.row_table_model import RowTableModel

    assert isinstance(model, RowTableModel)
    return str(model.data(model.index(row, column)))


def row_texts(window: VettingWindow, name: str) -> list[str]:
    model = window.detail_panel.candidate_model
    row = model.row_of(candidate(window, name).official.id)
    assert row is not None
    return [cell(model, row, c) for c in range(model.columnCount())]


def panel_model_index(window: VettingWindow, name: str, column: int) -> QModelIndex:
    model = window.detail_panel.candidate_model
    row = model.row_of(candidate(window, name).official.id)
    assert row is not None
    return model.index(row, column)


def shown_error(dialog: object, field: str) -> str:
    from PySide6.QtWidgets import QWidget

    assert isinstance(dialog, QWidget)
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label.text() if label.isVisibleTo(dialog) else ""


def enabled(window: VettingWindow) -> dict[str, bool]:
    actions = window.step_actions
    return {
        "confirm": actions.confirm.isEnabled(),
        "override": actions.override.isEnabled(),
        "attest": actions.attest.isEnabled(),
        "submit": actions.submit.isEnabled(),
        "reply": actions.reply.isEnabled(),
        "save_copy": actions.save_copy.isEnabled(),
    }


def pick(qtbot: QtBot, picker: CandidatePicker, name: str) -> None:
    """Search ``name`` (setText: keyClicks cannot type Chinese) and add the one found."""
    picker.search.search_edit.setText(name)
    qtbot.waitUntil(lambda: [o.name for o in picker.search.model.rows()] == [name], timeout=WAIT_MS)
    picker.search.select_row(0)
    picker.add_button.click()


def register_request(qtbot: QtBot, window: VettingWindow, vault: Vault) -> NewRequestDialog:
    window.step_actions.new_request.trigger()
    dialog = window.findChild(NewRequestDialog)
    assert dialog is not None and dialog.isVisible()
    picker = dialog.picker
    qtbot.waitUntil(lambda: picker.search.model.rowCount() == 3, timeout=WAIT_MS)

    # 保存 with nothing typed: each missing field is named under itself, nothing is sent.
    dialog.save_button.click()
    assert shown_error(dialog, "number") == "不能为空"
    assert shown_error(dialog, "unit") == "不能为空"
    assert shown_error(dialog, "candidate") == "人选:至少需要一名人选"
    assert dialog.isVisible()

    dialog.form.set_values({"number": LETTER_NUMBER, "unit": LETTER_UNIT, "purpose": "promotion"})
    # Candidates by search: pinyin initials (typed), then a Chinese name (setText).
    qtbot.keyClicks(picker.search.search_edit, "zjg")  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: picker.search.model.rowCount() == 1, timeout=WAIT_MS)
    picker.search.select_row(0)
    picker.add_button.click()
    pick(qtbot, picker, "李秀英")
    pick(qtbot, picker, "王伟")
    picker.add_button.click()  # the same person twice is never listed twice
    assert [o.name for o in picker.candidates()] == ["张建国", "李秀英", "王伟"]
    assert picker.chosen_box.title() == "已选人选(3)"

    # A rule across two fields comes back from the service, under the field it names.
    before = (TODAY - timedelta(days=1)).isoformat()
    dialog.form.set_values({"due": before})
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(shown_error(dialog, "due")), timeout=WAIT_MS)
    assert shown_error(dialog, "due") == "不能早于来函日期"
    assert dialog.isVisible()

    dialog.form.set_values({"due": (TODAY + timedelta(days=10)).isoformat()})
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        dialog.save_button.click()
    return dialog


def test_the_whole_reply_from_letter_to_signed_pdf(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    vetting_vault: Vault,
    identity: SigningIdentity,
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
    tmp_path: Path,
) -> None:
    main = open_main(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices)
    window = open_vetting(qtbot, main)
    assert window.windowTitle() == "党风廉政意见回复"
    assert window.request_model.rowCount() == 0
    assert not any(enabled(window).values())  # no letter on screen: nothing to act on

    register_request(qtbot, window, vetting_vault)
    assert window.request_model.rowCount() == 1
    listed = [cell(window.request_model, 0, c) for c in range(7)]
    assert listed == [
        LETTER_NUMBER,
        "草稿",
        "3",
        LETTER_UNIT,
        TODAY.isoformat(),
        "拟提拔",
        (TODAY + timedelta(days=10)).isoformat(),
    ]
    panel = window.detail_panel
    assert panel.state_label.text() == "状态:草稿"

    # The proposals, with the Chinese label of the category and reasons citing records.
    assert row_texts(window, "张建国")[2] == "第1类:未收到反映其问题的线索"
    li = candidate(window, "李秀英")
    assert li.proposal.category is Category.DEFER_USE
    assert row_texts(window, "李秀英")[2] == "第5类:建议暂缓使用"
    assert "初步核实" in row_texts(window, "李秀英")[3]
    assert "群众反映" not in row_texts(window, "李秀英")[3]  # need-to-know: no clue summary
    assert row_texts(window, "王伟")[5] == "待确定"
    wang = panel_model_index(window, "王伟", REASONS_COLUMN)
    assert wang.data(Qt.ItemDataRole.ToolTipRole) == candidate(window, "王伟").proposal.text_zh
    select(window, "李秀英")
    assert cell(panel.reason_model, 0, 0) == "第5类"
    assert cell(panel.reason_model, 0, 2) == f"记录#{li.proposal.reasons[0].record_ids[0]}"
    assert [cell(panel.checklist_model, r, 0) for r in range(4)] == [
        "干部档案必审",
        "个人有关事项报告必查",
        "纪检监察机关意见必听",
        "线索具体的信访举报必核",
    ]
    assert cell(panel.checklist_model, 3, 1) == "未完成"
    assert "尚有1条线索未办结" in cell(panel.checklist_model, 3, 2)
    for model in (
        window.request_model,
        panel.candidate_model,
        panel.reason_model,
        panel.checklist_model,
    ):
        qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert enabled(window) == {
        "confirm": True,
        "override": True,
        "attest": True,
        "submit": True,
        "reply": False,
        "save_copy": False,
    }

    # Confirm 张建国's proposal.
    select(window, "张建国")
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.step_actions.confirm.trigger()
    assert row_texts(window, "张建国")[4:6] == ["第1类:未收到反映其问题的线索", "确认系统建议"]
    assert window.status.text() == "已确认张建国的系统建议"

    # Override 李秀英's: an empty justification is refused in the dialog, then accepted.
    select(window, "李秀英")
    window.step_actions.override.trigger()
    override = window.findChild(OverrideDialog)
    assert override is not None and override.isVisible()
    override.set_category(Category.BEING_HANDLED)
    override.save_button.click()
    assert shown_error(override, "justification") == "不能为空"
    assert override.isVisible()
    assert candidate(window, "李秀英").decision is None  # nothing was sent
    override.set_justification("经向线索来源核实,反映问题已初步排除,初核即将了结")
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        override.save_button.click()
    assert row_texts(window, "李秀英")[4:6] == ["第4类:收到线索,尚在处置中,暂缓提出意见", "改定"]
    assert "初核即将了结" in panel.decision_label.text()

    select(window, "王伟")
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.step_actions.confirm.trigger()

    # Attest 张建国's personnel file: the first checklist item is done, with the note.
    select(window, "张建国")
    window.step_actions.attest.trigger()
    attest = window.findChild(AttestDialog)
    assert attest is not None
    attest.set_note("已审阅干部人事档案,三龄二历一身份无异常")
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        attest.save_button.click()
    assert row_texts(window, "张建国")[6] == "已审"
    assert cell(panel.checklist_model, 0, 1) == "已完成"
    assert "三龄二历一身份无异常" in cell(panel.checklist_model, 0, 2)
    assert "第1类" in cell(panel.checklist_model, 2, 2)  # the opinion was heard (decided)

    # Submit: 草稿 → 审核中; decisions may still be revised, the reply may be signed.
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.step_actions.submit.trigger()
    assert panel.state_label.text() == "状态:审核中"
    assert cell(window.request_model, 0, REQUEST_STATE_COLUMN) == "审核中"
    assert enabled(window) == {
        "confirm": True,
        "override": True,
        "attest": True,
        "submit": False,
        "reply": True,
        "save_copy": False,
    }

    # Issue the signed reply: confirm, choose the file, sign on the worker.
    out = tmp_path / "replies" / "reply.pdf"
    out.parent.mkdir()
    file_dialogs.answer = out
    window.step_actions.reply.trigger()
    question = window.findChild(QMessageBox)
    assert question is not None and LETTER_NUMBER in question.text()
    sign = next(b for b in question.buttons() if b.text() == "签发")
    sign.click()
    # The click returned while the worker signs: the window is responsive and says so.
    assert window.reply_flow.is_busy
    assert not any(enabled(window).values())
    assert window.status.text() == "正在生成并签章党风廉政意见回复…"
    qtbot.waitUntil(lambda: bool(notices.infos or notices.errors), timeout=SIGN_MS)
    assert notices.errors == []
    assert file_dialogs.suggested[-1].name == f"党风廉政意见回复-{LETTER_UNIT}-{LETTER_NUMBER}.pdf"
    message = notices.infos[-1]
    assert f"保存位置:{out}" in message and "文号:LD-" in message
    assert "在3名人选的档案中归档" in message
    result = verify_pdf(out.read_bytes(), [bytes(identity.root_cert_pem)])
    assert result.ok, result.problems

    qtbot.waitUntil(lambda: panel.state_label.text() == "状态:已回复", timeout=WAIT_MS)
    assert cell(window.request_model, 0, REQUEST_STATE_COLUMN) == "已回复"
    assert "不能再修改" in panel.hint.text()
    assert enabled(window) == {
        "confirm": False,
        "override": False,
        "attest": False,
        "submit": False,
        "reply": False,
        "save_copy": True,
    }

    # A copy of the replied letter: the very same signed file, without a second question.
    copy = tmp_path / "replies" / "copy.pdf"
    file_dialogs.answer = copy
    window.step_actions.save_copy.trigger()
    qtbot.waitUntil(lambda: len(notices.infos) == 2, timeout=SIGN_MS)
    assert copy.read_bytes() == out.read_bytes()
    assert "与签发件相同" in notices.infos[-1]


@pytest.fixture
def stale_request(vetting_vault: Vault) -> int:
    """A draft about 张建国, confirmed; then a clue about him is filed (the decision is stale)."""
    zhang = vetting_vault.official_ids["张建国"]
    with unlock_vault(vetting_vault.path, "vetting1", PASSWORDS["vetting1"]) as session:
        service = VettingService(session)
        request = service.create("青组函〔2026〕13号", TODAY, LETTER_UNIT, "reserve", [zhang])
        service.decide(request.id, zhang, confirm=True)
    with unlock_vault(vetting_vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        RecordService(session).add(
            zhang,
            "clue",
            TODAY.isoformat(),
            {
                "summary": "反映其违规兼职",
                "custodian": "clerk1",
                "disposal": "谈话函询",
                "status": "处置中",
            },
        )
    return request.id


def test_a_stale_decision_is_marked_and_submitting_it_is_refused_in_chinese(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    stale_request: int,
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
) -> None:
    main = open_main(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices)
    window = open_vetting(qtbot, main)
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.select_request(stale_request)
    texts = row_texts(window, "张建国")
    assert texts[2].startswith("第4类") and texts[4].startswith("第1类")  # proposal moved on
    assert texts[7] == "档案已变化,需重新确定"
    assert "请重新确认或改定" in window.detail_panel.decision_label.text()

    with qtbot.waitSignal(window.stepFinished, timeout=WAIT_MS):
        window.step_actions.submit.trigger()
    assert notices.errors == ["以下人选的档案在确定意见后有变化,请重新确定:张建国"]
    assert window.status.text() == notices.errors[0]
    assert window.detail_panel.state_label.text() == "状态:草稿"

    # Confirming today's proposal clears the marker; then the draft can be submitted.
    select(window, "张建国")
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.step_actions.confirm.trigger()
    assert row_texts(window, "张建国")[7] == ""
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.step_actions.submit.trigger()
    assert window.detail_panel.state_label.text() == "状态:审核中"


def test_locking_the_main_window_closes_the_vetting_window_and_forgets_it(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    stale_request: int,
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
) -> None:
    main = open_main(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices)
    window = open_vetting(qtbot, main)
    with qtbot.waitSignal(window.detailShown, timeout=WAIT_MS):
        window.select_request(stale_request)
    assert open_vetting_again(main) is window  # one window per main window
    main.lock()
    assert not window.isVisible()
    assert window.request_model.rowCount() == 0
    assert window.detail_panel.candidate_model.rowCount() == 0
    assert window.detail_panel.detail() is None


def open_vetting_again(main: MainWindow) -> VettingWindow | None:
    main.menu_actions.vetting.trigger()
    windows = [w for w in main.findChildren(VettingWindow) if w.isVisible()]
    return windows[0] if len(windows) == 1 else None


def test_only_the_vetting_role_sees_the_entry(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    vault: Vault,
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
) -> None:
    main = open_main(qtbot, worker, unlock_as("clerk1"), file_dialogs, notices)
    assert not main.menu_actions.vetting.isVisible()
    assert not main.menu_actions.vetting.isEnabled()


@pytest.mark.parametrize(
    ("state", "steps"),
    [
        (None, AllowedSteps()),
        (RequestState.DRAFT, AllowedSteps(decide=True, submit=True)),
        (RequestState.REVIEWING, AllowedSteps(decide=True, reply=True)),
        (RequestState.REPLIED, AllowedSteps(save_copy=True)),
    ],
)
def test_what_each_state_allows(state: RequestState | None, steps: AllowedSteps) -> None:
    assert allowed_steps(state) == steps


def test_the_suggested_file_name_is_safe_on_every_system(qtbot: QtBot) -> None:
    request = VettingRequest(
        id=1,
        number="青组函/2026:12号",
        letter_date=TODAY,
        requesting_unit="中共青山县委组织部",
        purpose=Purpose.PROMOTION,
        due_date=None,
        state=RequestState.REVIEWING,
        created_by="vetting1",
        created_at=datetime.now(),
        candidate_ids=(1,),
    )
    assert (
        suggested_file_name(request) == "党风廉政意见回复-中共青山县委组织部-青组函_2026_12号.pdf"
    )
