<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>LianDang</name>
    <message>
        <location filename="../../ui/account_dialog.py" line="27"/>
        <location filename="../../ui/account_list.py" line="32"/>
        <location filename="../../ui/audit_view.py" line="100"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="28"/>
        <location filename="../../ui/account_list.py" line="33"/>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="31"/>
        <location filename="../../ui/account_list.py" line="34"/>
        <location filename="../../ui/audit_view.py" line="50"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="37"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="38"/>
        <location filename="../../ui/account_dialog.py" line="75"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="46"/>
        <source>新增账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="49"/>
        <source>用户名为 2–32 位字母、数字、点、下划线或连字符,以字母开头;初始密码至少 8 个字符,请当面告知本人并提醒其修改。管理员角色不能兼任其他角色(三员分立)。</source>
        <translation>The user name has 2–32 letters, digits, dots, underscores or hyphens and starts with a letter. The initial password has at least 8 characters: tell it to the user in person and remind them to change it. An administrator role cannot be combined with any other role (separation of the three administrator roles).</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60"/>
        <location filename="../../ui/account_list.py" line="23"/>
        <location filename="../../ui/admin_window.py" line="111"/>
        <location filename="../../ui/role_grant_box.py" line="60"/>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <extracomment>tr(role.label_zh)</extracomment>
        <source>安全保密管理员</source>
        <translation>Security officer</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60"/>
        <location filename="../../ui/account_list.py" line="23"/>
        <location filename="../../ui/admin_window.py" line="111"/>
        <location filename="../../ui/role_grant_box.py" line="60"/>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <extracomment>tr(role.label_zh)</extracomment>
        <source>安全审计员</source>
        <translation>Security auditor</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60"/>
        <location filename="../../ui/account_list.py" line="23"/>
        <location filename="../../ui/admin_window.py" line="111"/>
        <location filename="../../ui/role_grant_box.py" line="60"/>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <extracomment>tr(role.label_zh)</extracomment>
        <source>审核员</source>
        <translation>Vetting officer</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60"/>
        <location filename="../../ui/account_list.py" line="23"/>
        <location filename="../../ui/admin_window.py" line="111"/>
        <location filename="../../ui/role_grant_box.py" line="60"/>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <extracomment>tr(role.label_zh)</extracomment>
        <source>录入员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/account_dialog.py" line="60"/>
        <location filename="../../ui/account_list.py" line="23"/>
        <location filename="../../ui/admin_window.py" line="111"/>
        <location filename="../../ui/role_grant_box.py" line="60"/>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <extracomment>tr(role.label_zh)</extracomment>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../ui/account_list.py" line="27"/>
        <location filename="../../ui/accounts_panel.py" line="50"/>
        <location filename="../../ui/accounts_panel.py" line="95"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/account_list.py" line="27"/>
        <location filename="../../ui/accounts_panel.py" line="51"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/account_list.py" line="35"/>
        <location filename="../../ui/change_table_model.py" line="58"/>
        <location filename="../../ui/check_models.py" line="39"/>
        <location filename="../../ui/record_columns.py" line="86"/>
        <location filename="../../ui/record_columns.py" line="104"/>
        <location filename="../../ui/report_tab.py" line="119"/>
        <location filename="../../ui/vetting_models.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/account_list.py" line="102"/>
        <source>共 {n} 个账户,{enabled} 个启用</source>
        <translation>{n} accounts, {enabled} enabled</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="49"/>
        <source>新增账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="52"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="53"/>
        <source>停用后该账户不能解锁档案库;记录和审计日志保留</source>
        <translation>A disabled account cannot unlock the vault; its records and audit entries are kept</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="54"/>
        <source>为忘记密码的用户设置新密码(不需要原密码)</source>
        <translation>Set a new password for a user who forgot theirs (the old password is not needed)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="79"/>
        <source>已新增账户:{name}</source>
        <translation>Account added: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="89"/>
        <location filename="../../ui/accounts_panel.py" line="97"/>
        <source>停用账户</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="90"/>
        <source>停用 {display}({name})?

停用后该账户不能再解锁档案库,它的记录和审计日志都会保留;下次轮换数据密钥后,它留下的旧密钥文件副本也随之失效。需要时可以重新启用。</source>
        <translation>Disable {display} ({name})?

A disabled account can no longer unlock the vault; its records and audit entries are kept. After the next data key rotation, any old copies of the key file it leaves behind stop working too. The account can be enabled again when needed.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="99"/>
        <source>已停用账户:{name}</source>
        <translation>Account disabled: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="109"/>
        <source>启用账户</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="111"/>
        <source>已启用账户:{name}</source>
        <translation>Account enabled: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_panel.py" line="119"/>
        <source>已重置密码:{name}</source>
        <translation>Password reset: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="76"/>
        <extracomment>tr(ADMIN_WINDOW_TITLE)</extracomment>
        <source>廉档 — 系统管理</source>
        <translation>LianDang — Administration</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="86"/>
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="93"/>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="96"/>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="105"/>
        <source>此账户没有系统管理权限。</source>
        <translation>This account has no administration rights.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="109"/>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>当前用户:{name}({role})</source>
        <translation>Current user: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="189"/>
        <location filename="../../ui/main_actions.py" line="103"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="190"/>
        <location filename="../../ui/admin_window.py" line="192"/>
        <location filename="../../ui/main_actions.py" line="106"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="193"/>
        <source>关闭窗口</source>
        <translation>Close window</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="193"/>
        <location filename="../../ui/main_actions.py" line="108"/>
        <location filename="../../ui/unlock_dialog.py" line="98"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="200"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../ui/admin_window.py" line="206"/>
        <location filename="../../ui/main_actions.py" line="136"/>
        <source>常用操作</source>
        <translation>Common actions</translation>
    </message>
    <message>
        <location filename="../../ui/app_controller.py" line="111"/>
        <location filename="../../ui/unlock_dialog.py" line="67"/>
        <source>在此计算机上记住</source>
        <translation>Remember on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="55"/>
        <source>附件:{name}</source>
        <translation>Attachment: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="59"/>
        <source>{kind} · {size} 字节 · SHA-256 {sha}</source>
        <translation>{kind} · {size} bytes · SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="79"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="80"/>
        <source>将原件保存到本机(记入审计日志)</source>
        <translation>Save the original on this computer (recorded in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="96"/>
        <source>无法显示该图片</source>
        <translation>This image cannot be shown</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="136"/>
        <source>另存附件原件</source>
        <translation>Save the attachment&apos;s original</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="138"/>
        <source>原格式 (*{suffix})</source>
        <translation>Original format (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="155"/>
        <source>已保存原件(已记入审计日志):
{path}</source>
        <translation>Original saved (recorded in the audit trail):
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="155"/>
        <source>已另存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="160"/>
        <source>另存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="38"/>
        <extracomment>tr(HIDDEN_NAME_ZH)</extracomment>
        <source>(仅承办人和审核员可见)</source>
        <translation>(visible to the custodian and vetting officers only)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="41"/>
        <source>(照片)</source>
        <translation> (photo)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="43"/>
        <source>(已撤回:{reason})</source>
        <translation> (withdrawn: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <extracomment>tr(c.title)</extracomment>
        <source>SHA-256 前12位</source>
        <translation>SHA-256 (first 12)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <extracomment>tr(c.title)</extracomment>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <extracomment>tr(c.title)</extracomment>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <location filename="../../ui/audit_view.py" line="48"/>
        <location filename="../../ui/record_history_dialog.py" line="80"/>
        <extracomment>tr(c.title); tr(h)</extracomment>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <extracomment>tr(c.title)</extracomment>
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="93"/>
        <location filename="../../ui/record_columns.py" line="74"/>
        <location filename="../../ui/record_columns.py" line="111"/>
        <extracomment>tr(c.title)</extracomment>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="96"/>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="99"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="152"/>
        <source>无法查看</source>
        <translation>Cannot view</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="152"/>
        <source>该附件属于问题线索,仅承办人和审核员可见</source>
        <translation>This attachment belongs to a clue: only its custodian and vetting officers may view it</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="158"/>
        <source>无法查看附件</source>
        <translation>Cannot view the attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="177"/>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="179"/>
        <source>扫描件或照片 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans or photos (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="186"/>
        <source>未能添加附件</source>
        <translation>The attachment was not added</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_tab.py" line="190"/>
        <source>已添加附件:{name}</source>
        <translation>Attachment added: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="47"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="49"/>
        <location filename="../../ui/audit_view.py" line="109"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="51"/>
        <location filename="../../ui/audit_view.py" line="110"/>
        <location filename="../../ui/record_history_dialog.py" line="80"/>
        <extracomment>tr(h)</extracomment>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="52"/>
        <location filename="../../ui/audit_view.py" line="111"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="53"/>
        <extracomment>tr(_OUTCOME_ZH.get(e.outcome, e.outcome))</extracomment>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="53"/>
        <extracomment>tr(_OUTCOME_ZH.get(e.outcome, e.outcome))</extracomment>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="53"/>
        <extracomment>tr(_OUTCOME_ZH.get(e.outcome, e.outcome))</extracomment>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="53"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="54"/>
        <location filename="../../ui/change_table_model.py" line="56"/>
        <location filename="../../ui/check_models.py" line="79"/>
        <location filename="../../ui/due_panel.py" line="45"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="63"/>
        <source>注意:</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="72"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="102"/>
        <source>如 official.read;以 . 结尾匹配前缀</source>
        <translation>e.g. official.read; ending in . matches a prefix</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="104"/>
        <source>对象包含的文字,如 official:7</source>
        <translation>Text the object contains, e.g. official:7</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="114"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="117"/>
        <location filename="../../ui/due_panel.py" line="41"/>
        <location filename="../../ui/record_columns.py" line="73"/>
        <location filename="../../ui/record_columns.py" line="83"/>
        <location filename="../../ui/record_columns.py" line="110"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="119"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="120"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="121"/>
        <location filename="../../ui/audit_view.py" line="193"/>
        <source>导出CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="122"/>
        <location filename="../../ui/audit_view.py" line="193"/>
        <location filename="../../ui/file_dialogs.py" line="28"/>
        <location filename="../../ui/file_dialogs.py" line="44"/>
        <location filename="../../ui/main_actions.py" line="100"/>
        <source>导出签章PDF</source>
        <translation>Export signed PDF</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="180"/>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="194"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="194"/>
        <location filename="../../ui/file_dialogs.py" line="28"/>
        <location filename="../../ui/vetting_reply_flow.py" line="101"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="196"/>
        <source>审计日志-{day}</source>
        <translation>audit-trail-{day}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="224"/>
        <source>查询条件有误</source>
        <translation>Invalid search criteria</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="231"/>
        <source>共 {n} 条(新的在前)</source>
        <translation>{n} entries (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="246"/>
        <location filename="../../ui/audit_view.py" line="248"/>
        <location filename="../../ui/audit_view.py" line="254"/>
        <source>审计日志校验</source>
        <translation>Audit trail verification</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="260"/>
        <location filename="../../ui/export_flow.py" line="92"/>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="261"/>
        <source>已导出 {n} 条审计日志。
文号:{number}
审计链头:{head}
文件:{path}</source>
        <translation>{n} audit entries exported.
Document number: {number}
Audit chain head: {head}
File: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="272"/>
        <location filename="../../ui/export_flow.py" line="100"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../ui/certificate_dialog.py" line="57"/>
        <location filename="../../ui/keys_box.py" line="135"/>
        <source>生成签章证书</source>
        <translation>Create signing certificate</translation>
    </message>
    <message>
        <location filename="../../ui/certificate_dialog.py" line="61"/>
        <source>为本单位生成根证书和签章证书,保存在加密的档案库中,只有审核员导出时使用。生成后请导出根证书,交给需要核验本单位PDF的单位。</source>
        <translation>Creates this unit&apos;s root certificate and signing certificate, kept in the encrypted vault and used only when vetting officers export. Afterwards, export the root certificate and give it to every unit that needs to verify this unit&apos;s PDFs.</translation>
    </message>
    <message>
        <location filename="../../ui/certificate_dialog.py" line="69"/>
        <location filename="../../ui/certificate_dialog.py" line="83"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../ui/certificate_dialog.py" line="74"/>
        <source>生成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/certificate_dialog.py" line="83"/>
        <source>不能为空,也不能过长</source>
        <translation>Must not be empty or too long</translation>
    </message>
    <message>
        <location filename="../../ui/change_report_dialog.py" line="53"/>
        <source>登记事项变化报告</source>
        <translation>Register change report</translation>
    </message>
    <message>
        <location filename="../../ui/change_report_dialog.py" line="57"/>
        <source>{title}:{label}
附于{year}年度报告</source>
        <translation>{title}: {label}
Attached to the {year} annual report</translation>
    </message>
    <message>
        <location filename="../../ui/change_report_dialog.py" line="67"/>
        <source>变化后的情况</source>
        <translation>Situation after the change</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="39"/>
        <location filename="../../ui/record_columns.py" line="59"/>
        <location filename="../../ui/record_columns.py" line="69"/>
        <location filename="../../ui/record_columns.py" line="104"/>
        <location filename="../../ui/record_table_model.py" line="47"/>
        <extracomment>tr(WITHDRAWN_ZH)</extracomment>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="51"/>
        <source>变化日期</source>
        <translation>Change date</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="52"/>
        <location filename="../../ui/report_tab.py" line="120"/>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="53"/>
        <location filename="../../ui/report_tab.py" line="121"/>
        <source>应报日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="54"/>
        <location filename="../../ui/report_tab.py" line="122"/>
        <source>时限</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="55"/>
        <source>变化后情况</source>
        <translation>After the change</translation>
    </message>
    <message>
        <location filename="../../ui/change_table_model.py" line="57"/>
        <location filename="../../ui/record_columns.py" line="120"/>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../ui/change_withdraw_dialog.py" line="46"/>
        <source>变化于{day}</source>
        <translation>changed on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/change_withdraw_dialog.py" line="52"/>
        <location filename="../../ui/change_withdraw_dialog.py" line="55"/>
        <source>撤销事项变化报告</source>
        <translation>Withdraw change report</translation>
    </message>
    <message>
        <location filename="../../ui/change_withdraw_dialog.py" line="53"/>
        <source>事项变化报告:</source>
        <translation>Change report: </translation>
    </message>
    <message>
        <location filename="../../ui/change_withdraw_dialog.py" line="54"/>
        <extracomment>tr(CHANGE_WARNING_ZH)</extracomment>
        <source>撤销后,该事项变化报告仍保留在报告中,标明“已撤销”和撤销理由,但不再计入到期提醒、任职资格和查核,也不能恢复(撤销操作不能撤消)。情况确有变化的,请重新登记事项变化报告。</source>
        <translation>After withdrawal the change report stays in the report, marked “Withdrawn” with the reason, but no longer counts for deadlines, eligibility or report checks, and cannot be restored (a withdrawal cannot be undone). If the situation did change, register a new change report.</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="50"/>
        <location filename="../../ui/check_models.py" line="44"/>
        <source>处理决定</source>
        <translation>Handling decision</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="54"/>
        <source>{year}年度{kind} · 结论:{finding}</source>
        <translation>{year} {kind} · finding: {finding}</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="55"/>
        <location filename="../../ui/check_models.py" line="32"/>
        <location filename="../../ui/check_rows.py" line="100"/>
        <extracomment>tr(check.finding.value); tr(finding.value); tr(row.finding.value)</extracomment>
        <source>一致</source>
        <translation>Consistent</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="55"/>
        <location filename="../../ui/check_models.py" line="32"/>
        <location filename="../../ui/check_rows.py" line="100"/>
        <extracomment>tr(check.finding.value); tr(finding.value); tr(row.finding.value)</extracomment>
        <source>漏报</source>
        <translation>Under-reported</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="55"/>
        <location filename="../../ui/check_models.py" line="32"/>
        <location filename="../../ui/check_rows.py" line="100"/>
        <extracomment>tr(check.finding.value); tr(finding.value); tr(row.finding.value)</extracomment>
        <source>瞒报</source>
        <translation>Concealed</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="55"/>
        <location filename="../../ui/check_models.py" line="38"/>
        <location filename="../../ui/check_new_dialog.py" line="52"/>
        <location filename="../../ui/check_panel.py" line="62"/>
        <extracomment>tr(c.kind.label_zh); tr(check.kind.label_zh); tr(k.label_zh)</extracomment>
        <source>重点抽查</source>
        <translation>Targeted check</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="55"/>
        <location filename="../../ui/check_models.py" line="38"/>
        <location filename="../../ui/check_new_dialog.py" line="52"/>
        <location filename="../../ui/check_panel.py" line="62"/>
        <location filename="../../ui/sampling_dialog.py" line="117"/>
        <location filename="../../ui/sampling_dialog.py" line="189"/>
        <extracomment>tr(c.kind.label_zh); tr(check.kind.label_zh); tr(k.label_zh)</extracomment>
        <source>随机抽查</source>
        <translation>Random check</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="60"/>
        <source>处理方式(可多选)</source>
        <translation>Handling measures (one or more)</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="73"/>
        <source>查核认定瞒报,另依规定:{measures}</source>
        <translation>The check found concealment; by regulation also: {measures}</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="74"/>
        <extracomment>tr(m)</extracomment>
        <source>不得列为后备干部人选</source>
        <translation>not to be listed as a reserve cadre</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="74"/>
        <extracomment>tr(m)</extracomment>
        <source>不得提拔使用</source>
        <translation>not to be promoted</translation>
    </message>
    <message>
        <location filename="../../ui/check_decision_dialog.py" line="112"/>
        <source>请至少选择一项处理方式</source>
        <translation>Choose at least one handling measure</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="49"/>
        <source>登记查实情况</source>
        <translation>Record verified facts</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="54"/>
        <source>{year}年度个人有关事项报告 · {title}</source>
        <translation>{year} personal-matters report · {title}</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="64"/>
        <source>报告情况(含事项变化报告)</source>
        <translation>As reported (including change reports)</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="70"/>
        <source>报告为:无此类情况</source>
        <translation>Reported: nothing of this kind</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="74"/>
        <location filename="../../ui/check_models.py" line="77"/>
        <source>查实情况</source>
        <translation>Verified facts</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="81"/>
        <source>按报告情况填入</source>
        <translation>Fill in as reported</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="82"/>
        <source>以报告的内容为起点,再改动与查实不符之处</source>
        <translation>Start from what was reported, then change what the verification found different</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="86"/>
        <source>不添加任何条目,即登记为“查实无此情况”。</source>
        <translation>With no entries, the item is recorded as “verified: nothing of this kind”.</translation>
    </message>
    <message>
        <location filename="../../ui/check_item_dialog.py" line="88"/>
        <source>此项须登记查实的具体情况。</source>
        <translation>This item needs the verified facts in detail.</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="37"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="38"/>
        <source>查核方式</source>
        <translation>Kind of check</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="39"/>
        <location filename="../../ui/check_panel.py" line="62"/>
        <location filename="../../ui/vetting_text.py" line="71"/>
        <extracomment>tr(c.status.label_zh); tr(check.status.label_zh)</extracomment>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="39"/>
        <location filename="../../ui/check_panel.py" line="62"/>
        <extracomment>tr(c.status.label_zh); tr(check.status.label_zh)</extracomment>
        <source>查核中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="43"/>
        <location filename="../../ui/check_rows.py" line="86"/>
        <location filename="../../ui/check_rows.py" line="100"/>
        <extracomment>tr(UNVERIFIED_ZH)</extracomment>
        <source>未核实</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="75"/>
        <location filename="../../ui/report_item_tree.py" line="30"/>
        <source>报告事项</source>
        <translation>Report item</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="76"/>
        <source>报告情况</source>
        <translation>As reported</translation>
    </message>
    <message>
        <location filename="../../ui/check_models.py" line="78"/>
        <source>结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/check_new_dialog.py" line="48"/>
        <source>新建查核</source>
        <translation>New report check</translation>
    </message>
    <message>
        <location filename="../../ui/check_new_dialog.py" line="51"/>
        <location filename="../../ui/family_dialog.py" line="27"/>
        <location filename="../../ui/record_dialog.py" line="82"/>
        <source>人员:</source>
        <translation>Official: </translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="61"/>
        <source>{year}年度个人有关事项报告 · {kind} · {status}</source>
        <translation>{year} personal-matters report · {kind} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="64"/>
        <source>查核日期:{date}</source>
        <translation>Check date: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="67"/>
        <source>完成日期:{date}</source>
        <translation>Completed on: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="69"/>
        <source>随机种子:{seed}</source>
        <translation>Random seed: {seed}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="72"/>
        <source>查核事由:{reason}</source>
        <translation>Reason for the check: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="75"/>
        <source>处理决定:{handling}({date},{by})</source>
        <translation>Handling decision: {handling} ({date}, {by})</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="79"/>
        <source> 说明:{note}</source>
        <translation> Note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="116"/>
        <source>新建查核…</source>
        <translation>New report check…</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="117"/>
        <source>登记查实情况…</source>
        <translation>Record verified facts…</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="118"/>
        <source>登记所选报告事项的查实情况(也可双击该事项)</source>
        <translation>Record the verified facts of the selected report item (or double-click the item)</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="119"/>
        <source>重新比对</source>
        <translation>Compare again</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="120"/>
        <source>按报告(含之后的事项变化报告)重新比对已登记的事项</source>
        <translation>Compare the recorded items again with the report (and any later change reports)</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="121"/>
        <source>完成查核…</source>
        <translation>Complete check…</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="122"/>
        <source>处理决定…</source>
        <translation>Handling decision…</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="141"/>
        <source>尚无查核</source>
        <translation>No report checks yet</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="286"/>
        <source>选择一项查核,查看各报告事项的报告情况、查实情况和结论</source>
        <translation>Select a report check to see, for each report item, what was reported, the verified facts and the finding</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="315"/>
        <source>已登记查实情况:{item}</source>
        <translation>Verified facts recorded: {item}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="325"/>
        <source>已重新比对</source>
        <translation>Compared again</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="333"/>
        <source>完成后,本次查核的查实情况和结论不能再修改。</source>
        <translation>Once completed, the verified facts and findings of this check can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="335"/>
        <source>尚有{n}项未登记查实情况。</source>
        <translation>{n} item(s) still have no verified facts.</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="337"/>
        <source>完成查核</source>
        <translation>Complete check</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="337"/>
        <source>确定完成查核?</source>
        <translation>Complete the report check?</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="348"/>
        <source>已记录处理决定</source>
        <translation>Handling decision recorded</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="354"/>
        <source>查核已完成</source>
        <translation>Report check completed</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="359"/>
        <source>已新建查核:{year}年度</source>
        <translation>Report check opened: {year}</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="377"/>
        <location filename="../../ui/check_screens.py" line="51"/>
        <source>查核</source>
        <translation>Report checks</translation>
    </message>
    <message>
        <location filename="../../ui/check_rows.py" line="88"/>
        <location filename="../../ui/influence_rules_box.py" line="146"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/check_rows.py" line="115"/>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/confirmations.py" line="35"/>
        <location filename="../../ui/report_entry_dialog.py" line="148"/>
        <location filename="../../ui/service_form_dialog.py" line="61"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/display_text.py" line="44"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/display_text.py" line="44"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="74"/>
        <location filename="../../ui/due_panel.py" line="71"/>
        <extracomment>tr(HINT_ZH)</extracomment>
        <source>请在左侧选择一名人员查看档案</source>
        <translation>Select an official on the left to see their dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="103"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="124"/>
        <location filename="../../ui/dossier_view.py" line="146"/>
        <location filename="../../ui/dossier_view.py" line="166"/>
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_view.py" line="130"/>
        <location filename="../../ui/dossier_view.py" line="147"/>
        <location filename="../../ui/dossier_view.py" line="167"/>
        <source>家庭成员及主要社会关系</source>
        <translation>Family and main social relations</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="42"/>
        <location filename="../../ui/official_list_model.py" line="21"/>
        <location filename="../../ui/sampling_dialog.py" line="151"/>
        <location filename="../../ui/vetting_candidate_picker.py" line="59"/>
        <location filename="../../ui/vetting_models.py" line="76"/>
        <extracomment>tr(c.title)</extracomment>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="43"/>
        <location filename="../../ui/due_panel.py" line="86"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="44"/>
        <location filename="../../ui/vetting_models.py" line="128"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="76"/>
        <location filename="../../ui/vetting_actions.py" line="74"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="87"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="88"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="129"/>
        <source>正在读取到期事项…</source>
        <translation>Reading deadlines…</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="141"/>
        <source>到期提醒</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="154"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="155"/>
        <source>到期提醒(截至{day})</source>
        <translation>Deadlines (as of {day})</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="165"/>
        <source>已逾期({n})</source>
        <translation>Overdue ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="167"/>
        <source>{days}日内到期({n})</source>
        <translation>Due within {days} days ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/due_panel.py" line="169"/>
        <source>按单位统计</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="35"/>
        <source>——依据:</source>
        <translation> — based on: </translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="47"/>
        <source>能否作为考察对象</source>
        <translation>Eligible as an assessment candidate</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="63"/>
        <source>依据档案可判定的事项(《党政领导干部选拔任用工作条例》第二十四条);其余事项由审核员核实。</source>
        <translation>The items the dossier can decide (Art. 24 of the Regulations on the Selection and Appointment of Party and Government Leading Cadres); vetting officers verify the rest.</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="105"/>
        <source>正在判定…</source>
        <translation>Assessing…</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="118"/>
        <source>可以</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_box.py" line="123"/>
        <source>不可以</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="39"/>
        <source>记录(编号{id})</source>
        <translation>Record (no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="42"/>
        <location filename="../../ui/record_columns.py" line="44"/>
        <location filename="../../ui/record_columns.py" line="93"/>
        <location filename="../../ui/record_columns.py" line="116"/>
        <location filename="../../ui/record_history_dialog.py" line="138"/>
        <extracomment>tr(HIDDEN_CONTENT_ZH)</extracomment>
        <source>(内容仅承办人和审核员可见)</source>
        <translation>(content visible to the custodian and vetting officers only)</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="57"/>
        <source>个人有关事项报告(编号{id})</source>
        <translation>Personal-matters report (no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="59"/>
        <source>事项变化报告(编号{id})</source>
        <translation>Change report (no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="65"/>
        <source>家庭成员(编号{id})</source>
        <translation>Family member (no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="67"/>
        <source>家庭成员:{relation} {name}</source>
        <translation>Family member: {relation} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/eligibility_citations.py" line="71"/>
        <source>查核(编号{id})</source>
        <translation>Report check (no. {id})</translation>
    </message>
    <message>
        <location filename="../../ui/error_messages.py" line="42"/>
        <extracomment>tr(INTERNAL_ERROR_ZH)</extracomment>
        <source>发生内部错误,请联系系统管理员</source>
        <translation>An internal error occurred; please contact the system administrator</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="31"/>
        <source>{name}-廉政档案-{label}-{id}.pdf</source>
        <translation>{name}-integrity-dossier-{label}-{id}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="38"/>
        <extracomment>tr(p.label_zh)</extracomment>
        <source>公开版(任前公示)</source>
        <translation>Public (pre-appointment notice)</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="38"/>
        <extracomment>tr(p.label_zh)</extracomment>
        <source>内部版</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="38"/>
        <extracomment>tr(p.label_zh)</extracomment>
        <source>涉密完整版</source>
        <translation>Secret (complete)</translation>
    </message>
    <message>
        <location filename="../../ui/export_flow.py" line="93"/>
        <source>已导出签章PDF。
文号:{number}
文件:{path}</source>
        <translation>Signed PDF exported.
Document number: {number}
File: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/family_dialog.py" line="25"/>
        <location filename="../../ui/main_actions.py" line="91"/>
        <source>添加家庭成员</source>
        <translation>Add family member</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="74"/>
        <extracomment>tr(placeholder)</extracomment>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="74"/>
        <extracomment>tr(placeholder)</extracomment>
        <source>数值</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="74"/>
        <extracomment>tr(placeholder)</extracomment>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="74"/>
        <extracomment>tr(placeholder)</extracomment>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/field_editors.py" line="134"/>
        <source>(未填)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="44"/>
        <source>导出版本:</source>
        <translation>Export profile:</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="77"/>
        <source>选择档案库文件夹</source>
        <translation>Choose the vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="58"/>
        <source>默认:无</source>
        <translation>Default: none</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="59"/>
        <source>默认:{months}</source>
        <translation>Default: {months}</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="66"/>
        <source>另加察看期×{n}个月</source>
        <translation>plus {n} months per probation year</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="68"/>
        <source>已调整</source>
        <translation>adjusted</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="73"/>
        <source>诫勉(组织措施)</source>
        <translation>Admonishment (organisational measure)</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="87"/>
        <location filename="../../ui/influence_rules_box.py" line="271"/>
        <source>影响期</source>
        <translation>Influence periods</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="100"/>
        <source>受处分、组织处理或诫勉后不得提拔使用的期限,按整月计;填“永久”表示永久影响。保存后即时生效,并记入审计日志。</source>
        <translation>How long after a sanction, an organisational measure or an admonishment the official may not be promoted, in whole months; enter “永久” for a permanent effect. Saved changes apply at once and are recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="108"/>
        <source>影响期(月)</source>
        <translation>Influence period (months)</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="108"/>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="108"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="124"/>
        <location filename="../../ui/policy_form.py" line="91"/>
        <location filename="../../ui/service_form_dialog.py" line="59"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="125"/>
        <location filename="../../ui/policy_form.py" line="92"/>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="126"/>
        <source>放弃未保存的修改,显示档案库中的影响期</source>
        <translation>Discard unsaved changes and show the influence periods stored in the vault</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="147"/>
        <source>整月数(0–240),或“永久”</source>
        <translation>Whole months (0–240), or “永久” (permanent)</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="153"/>
        <source>恢复默认</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="214"/>
        <location filename="../../ui/influence_rules_box.py" line="258"/>
        <source>影响期没有改动</source>
        <translation>The influence periods are unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/influence_rules_box.py" line="260"/>
        <source>已保存影响期:{changes}</source>
        <translation>Influence periods saved: {changes}</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在为各账户封装新密钥…</source>
        <translation>Sealing the new key for each account…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在校验重新加密的档案库…</source>
        <translation>Verifying the re-encrypted vault…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在核对档案库内容…</source>
        <translation>Checking the vault&apos;s contents…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在用新密钥重新加密档案库…</source>
        <translation>Re-encrypting the vault with the new key…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在记录审计日志并删除旧密钥…</source>
        <translation>Writing the audit trail and deleting the old key…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="31"/>
        <location filename="../../ui/key_rotation_flow.py" line="38"/>
        <extracomment>tr(texts.get(RotationStep(step), &apos;正在轮换数据密钥…&apos;))</extracomment>
        <source>正在轮换数据密钥…</source>
        <translation>Rotating the data key…</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="39"/>
        <location filename="../../ui/keys_box.py" line="119"/>
        <source>轮换数据密钥</source>
        <translation>Rotate data key</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="121"/>
        <source>密钥轮换完成</source>
        <translation>Key rotation complete</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="122"/>
        <source>数据密钥已轮换为第 {generation} 代,{accounts} 个账户可以解锁。用时 {seconds} 秒。</source>
        <translation>The data key is now generation {generation}; {accounts} account(s) can unlock. Took {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../ui/key_rotation_flow.py" line="133"/>
        <source>密钥轮换失败</source>
        <translation>Key rotation failed</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="42"/>
        <source>尚未生成签章证书:审核员暂时不能导出签章PDF。</source>
        <translation>No signing certificate yet: vetting officers cannot export signed PDFs for now.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="43"/>
        <source>签章证书:{unit}({day} 由 {by} 生成)</source>
        <translation>Signing certificate: {unit} (created {day} by {by})</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="64"/>
        <source>密钥与证书</source>
        <translation>Keys and certificates</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="75"/>
        <source>数据密钥加密整个档案库。人员离职、账户停用后或按保密要求定期轮换。</source>
        <translation>The data key encrypts the whole vault. Rotate it when someone leaves or an account is disabled, or periodically as security rules require.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="78"/>
        <source>轮换数据密钥…</source>
        <translation>Rotate data key…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="81"/>
        <source>生成签章证书…</source>
        <translation>Create signing certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="82"/>
        <source>导出根证书…</source>
        <translation>Export root certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="97"/>
        <source>数据密钥已轮换为第 {n} 代</source>
        <translation>The data key is now generation {n}</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="120"/>
        <source>用新的数据密钥重新加密整个档案库,并为每个启用的账户封装新密钥;停用账户和旧密钥文件副本从此不能再打开档案库。

过程中请勿关闭程序或断电(中断也不会丢失数据)。档案库越大用时越长,其间不能进行其他操作。以前的备份仍用原密码打开。

现在轮换吗?</source>
        <translation>The whole vault is re-encrypted with a new data key, sealed for every enabled account; disabled accounts and old copies of the key file can no longer open the vault.

Do not close the program or cut the power meanwhile (an interruption loses no data either). The larger the vault, the longer it takes, and nothing else can be done meanwhile. Earlier backups still open with the old passwords.

Rotate now?</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="126"/>
        <source>轮换</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="139"/>
        <source>本单位根证书</source>
        <translation>unit-root-certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="141"/>
        <location filename="../../ui/keys_box.py" line="149"/>
        <location filename="../../ui/keys_box.py" line="201"/>
        <source>导出根证书</source>
        <translation>Export root certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="141"/>
        <source>证书文件 (*.pem)</source>
        <translation>Certificate files (*.pem)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="167"/>
        <source>替换签章证书</source>
        <translation>Replace signing certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="168"/>
        <source>本单位已有签章证书({unit},{day} 生成)。

替换后,新导出的PDF由新证书签章,接收单位需要改用新的根证书核验;已导出的PDF仍可用原根证书核验。

确定生成新证书并替换吗?</source>
        <translation>This unit already has a signing certificate ({unit}, created {day}).

After the replacement, newly exported PDFs are signed with the new certificate and recipients must verify them with the new root certificate; PDFs already exported still verify with the old root certificate.

Create a new certificate and replace the old one?</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="173"/>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="187"/>
        <source>已生成签章证书:{unit}</source>
        <translation>Signing certificate created: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="202"/>
        <source>已导出本单位根证书:
{path}

请交给需要核验本单位签章PDF的单位。</source>
        <translation>This unit&apos;s root certificate was exported:
{path}

Give it to every unit that needs to verify this unit&apos;s signed PDFs.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_box.py" line="206"/>
        <source>已导出根证书</source>
        <translation>Root certificate exported</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="86"/>
        <location filename="../../ui/main_actions.py" line="87"/>
        <source>撤销记录…</source>
        <translation>Withdraw record…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="89"/>
        <location filename="../../ui/official_dialog.py" line="24"/>
        <source>新建档案</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="90"/>
        <location filename="../../ui/record_dialog.py" line="78"/>
        <source>登记记录</source>
        <translation>Add record</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="92"/>
        <source>修改记录…</source>
        <translation>Edit record…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="94"/>
        <source>修改历史…</source>
        <translation>Version history…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="95"/>
        <source>撤消</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="97"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="99"/>
        <source>查找人员</source>
        <translation>Find official</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="101"/>
        <source>随机抽查…</source>
        <translation>Random checks…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="102"/>
        <source>党风廉政意见回复…</source>
        <translation>Integrity opinion replies…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="104"/>
        <source>系统管理…</source>
        <translation>Administration…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="111"/>
        <source>档案(&amp;D)</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="119"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="128"/>
        <source>档案库(&amp;V)</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <extracomment>tr(WINDOW_TITLE)</extracomment>
        <source>廉档 — 电子廉政档案</source>
        <translation>LianDang — Electronic Integrity Files</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <extracomment>tr(title)</extracomment>
        <source>个人有关事项</source>
        <translation>Personal matters</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <extracomment>tr(title)</extracomment>
        <source>任职经历</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <extracomment>tr(title)</extracomment>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>已撤销记录</source>
        <translation>Record withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>已添加家庭成员</source>
        <translation>Family member added</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>正在打开档案…</source>
        <translation>Opening the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>已新建档案:{name}</source>
        <translation>Dossier created: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>已登记记录</source>
        <translation>Record added</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>已修改记录(第{n}版)</source>
        <translation>Record edited (version {n})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350"/>
        <source>撤消/重做</source>
        <translation>Undo/redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>正在生成并签章PDF…</source>
        <translation>Creating and signing the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/official_dialog.py" line="25"/>
        <source>带 * 的为必填项;性别和出生日期可不填,按公民身份号码自动确定。</source>
        <translation>Fields marked * are required; gender and birth date may be left empty: they follow from the ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/official_list_model.py" line="22"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/official_list_model.py" line="23"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/official_list_model.py" line="24"/>
        <location filename="../../ui/sampling_dialog.py" line="151"/>
        <location filename="../../ui/vetting_candidate_picker.py" line="60"/>
        <extracomment>tr(c.title)</extracomment>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../../ui/official_list_model.py" line="25"/>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <location filename="../../ui/sampling_dialog.py" line="151"/>
        <location filename="../../ui/vetting_candidate_picker.py" line="61"/>
        <extracomment>tr(c.title)</extracomment>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/official_list_model.py" line="26"/>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <extracomment>tr(c.title)</extracomment>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="59"/>
        <source>搜索姓名、单位、职务或身份证号</source>
        <translation>Search by name, unit, post or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="70"/>
        <source>显示或隐藏筛选条件</source>
        <translation>Show or hide the filters</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="174"/>
        <source>显示前 {n} 人,请输入更多条件</source>
        <translation>Showing the first {n}; narrow the search</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="177"/>
        <source>符合 {k} 项筛选条件的共 {n} 人</source>
        <translation>{n} matching {k} filter(s)</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="180"/>
        <source>共 {n} 人</source>
        <translation>{n} officials</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="228"/>
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../ui/official_search_panel.py" line="228"/>
        <source>筛选({n})</source>
        <translation>Filters ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="54"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="69"/>
        <location filename="../../ui/password_dialogs.py" line="157"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="72"/>
        <source>新密码至少 8 个字符。修改后,本机记住的登录失效,下次解锁请使用新密码。</source>
        <translation>The new password has at least 8 characters. Afterwards, a login remembered on this computer no longer works: unlock with the new password next time.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="78"/>
        <location filename="../../ui/password_dialogs.py" line="97"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="79"/>
        <location filename="../../ui/password_dialogs.py" line="129"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="80"/>
        <location filename="../../ui/password_dialogs.py" line="96"/>
        <location filename="../../ui/password_dialogs.py" line="130"/>
        <location filename="../../ui/password_dialogs.py" line="146"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="86"/>
        <location filename="../../ui/record_history_dialog.py" line="124"/>
        <location filename="../../ui/report_entry_dialog.py" line="107"/>
        <extracomment>tr(version.event.label_zh)</extracomment>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="97"/>
        <source>不正确</source>
        <translation>Incorrect</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="116"/>
        <source>重置密码 — {name}</source>
        <translation>Reset password — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="120"/>
        <source>为 {display}({name})设置新密码。原密码立即失效,该账户在各计算机上记住的登录也随之失效。请将新密码当面告知本人,并提醒其尽快修改。</source>
        <translation>Set a new password for {display} ({name}). The old password stops working at once, and so do the account&apos;s logins remembered on any computer. Tell the new password to the user in person and remind them to change it soon.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="136"/>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialogs.py" line="157"/>
        <source>密码已修改。下次解锁请使用新密码。</source>
        <translation>Password changed. Unlock with the new password next time.</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="58"/>
        <location filename="../../ui/policy_form.py" line="173"/>
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>事项变化报告期限(天)</source>
        <translation>Change report deadline (days)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>允许一人兼任多个管理员角色</source>
        <translation>Allow one person several administrator roles</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>允许在本机记住登录</source>
        <translation>Allow remembering the login on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>登录失败次数上限</source>
        <translation>Failed logins before lockout</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>自动锁定时间(分钟)</source>
        <translation>Auto-lock after (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>锁定时长(分钟)</source>
        <translation>Lockout duration (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>附件大小上限(MB)</source>
        <translation>Attachment size limit (MB)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="69"/>
        <location filename="../../ui/policy_form.py" line="165"/>
        <extracomment>tr(policy_label_zh(name))</extracomment>
        <source>随机抽查比例(%)</source>
        <translation>Random check share (%)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>允许用户勾选「在此计算机上记住」,由系统密钥库代为解锁</source>
        <translation>Let users tick “Remember on this computer”, so the OS key store unlocks for them</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>小单位例外:允许一个账户兼任多个角色(不再强制三员分立,每次授权都记入审计日志)</source>
        <translation>Small-unit exception: one account may hold several roles (the separation of the three administrator roles is no longer enforced; every grant is recorded in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>无人操作超过此时间,程序自动锁定并清除屏幕上的数据</source>
        <translation>After this long without input, the program locks itself and clears the data on screen</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>每年随机抽取多少比例的个人有关事项报告进行查核</source>
        <translation>The share of personal-matters reports drawn at random for a report check each year</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>账户锁定后,多长时间内不能再尝试登录</source>
        <translation>How long a locked account cannot try to log in</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>超过此大小的扫描件、照片等附件不予接收</source>
        <translation>Scans, photos and other attachments larger than this are refused</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="74"/>
        <location filename="../../ui/policy_form.py" line="87"/>
        <extracomment>tr(_HINTS.get(name, &apos;&apos;))</extracomment>
        <source>连续输错密码达到此次数后,账户暂时锁定</source>
        <translation>After this many wrong passwords in a row, the account is locked for a while</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="79"/>
        <source>({low}–{high})</source>
        <translation>({low}–{high})</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="93"/>
        <source>放弃未保存的修改,显示档案库中的策略</source>
        <translation>Discard unsaved changes and show the policy stored in the vault</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="163"/>
        <source>安全策略没有改动</source>
        <translation>The security policy is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/policy_form.py" line="166"/>
        <source>已保存安全策略:{changed}</source>
        <translation>Security policy saved: {changed}</translation>
    </message>
    <message>
        <location filename="../../ui/positions_tab.py" line="20"/>
        <source>至今</source>
        <translation>to date</translation>
    </message>
    <message>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <extracomment>tr(c.title)</extracomment>
        <source>任职单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <extracomment>tr(c.title)</extracomment>
        <source>任职时间</source>
        <translation>Appointed</translation>
    </message>
    <message>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <extracomment>tr(c.title)</extracomment>
        <source>免职时间</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/positions_tab.py" line="37"/>
        <extracomment>tr(c.title)</extracomment>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="61"/>
        <location filename="../../ui/record_columns.py" line="123"/>
        <location filename="../../ui/record_history_dialog.py" line="123"/>
        <source>第{n}版</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="75"/>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="76"/>
        <location filename="../../ui/record_columns.py" line="112"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="77"/>
        <location filename="../../ui/record_columns.py" line="113"/>
        <source>密级</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="105"/>
        <source>撤销理由</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="106"/>
        <source>撤销人</source>
        <translation>Withdrawn by</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="107"/>
        <source>撤销时间</source>
        <translation>Withdrawn at</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="116"/>
        <location filename="../../ui/record_history_dialog.py" line="80"/>
        <location filename="../../ui/report_entry_dialog.py" line="133"/>
        <location filename="../../ui/report_entry_table.py" line="40"/>
        <extracomment>tr(h)</extracomment>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="121"/>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="123"/>
        <location filename="../../ui/record_history_dialog.py" line="80"/>
        <extracomment>tr(h)</extracomment>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="124"/>
        <source>最后修改人</source>
        <translation>Last edited by</translation>
    </message>
    <message>
        <location filename="../../ui/record_columns.py" line="125"/>
        <source>最后修改时间</source>
        <translation>Last edited at</translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="116"/>
        <source>已撤消:</source>
        <translation>Undone: </translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="122"/>
        <source>已重做:</source>
        <translation>Redone: </translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="127"/>
        <source>登记记录「{type}」</source>
        <translation>Add record “{type}”</translation>
    </message>
    <message>
        <location filename="../../ui/record_commands.py" line="166"/>
        <source>修改记录「{type}」</source>
        <translation>Edit record “{type}”</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="78"/>
        <source>修改记录</source>
        <translation>Edit record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="84"/>
        <source>记录编号:{id}(第{n}版)</source>
        <translation>Record no. {id} (version {n})</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="109"/>
        <source>记录内容</source>
        <translation>Record content</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="59"/>
        <source>撤销理由:</source>
        <translation>Reason for withdrawal: </translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="61"/>
        <source>修改了{n}项</source>
        <translation>{n} field(s) changed</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="72"/>
        <source>修改历史</source>
        <translation>Version history</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="74"/>
        <source>{type}({date}),记录编号 {id}</source>
        <translation>{type} ({date}), record no. {id}</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="80"/>
        <extracomment>tr(h)</extracomment>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="87"/>
        <source>正在读取修改历史…</source>
        <translation>Reading the version history…</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="91"/>
        <location filename="../../ui/sampling_dialog.py" line="164"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="124"/>
        <extracomment>tr(version.event.label_zh)</extracomment>
        <source>撤销</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="124"/>
        <location filename="../../ui/vetting_request_dialog.py" line="73"/>
        <extracomment>tr(version.event.label_zh)</extracomment>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/record_history_dialog.py" line="137"/>
        <source>共{n}条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../../ui/record_sections.py" line="32"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/records_tab.py" line="72"/>
        <source>记录详情</source>
        <translation>Record details</translation>
    </message>
    <message>
        <location filename="../../ui/records_tab.py" line="173"/>
        <source>选择一条记录查看全部内容</source>
        <translation>Select a record to see all of it</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="59"/>
        <source>未填写</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="61"/>
        <location filename="../../ui/report_item_panel.py" line="72"/>
        <source>无此类情况</source>
        <translation>Nothing of this kind</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="62"/>
        <source>{n}条</source>
        <translation>Entries: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="70"/>
        <location filename="../../ui/report_display.py" line="85"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="70"/>
        <location filename="../../ui/report_display.py" line="84"/>
        <source>逾期{n}天</source>
        <translation>{n} day(s) late</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="72"/>
        <source>已逾期{n}天未报</source>
        <translation>Not filed, {n} day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="73"/>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="94"/>
        <location filename="../../ui/report_item_tree.py" line="61"/>
        <source>{n}份</source>
        <translation>{n} filed</translation>
    </message>
    <message>
        <location filename="../../ui/report_display.py" line="95"/>
        <source>(逾期{n}份)</source>
        <translation> ({n} late)</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_dialog.py" line="107"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_dialog.py" line="120"/>
        <location filename="../../ui/report_entry_table.py" line="39"/>
        <location filename="../../ui/vetting_models.py" line="114"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_dialog.py" line="145"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_table.py" line="59"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_table.py" line="61"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/report_entry_table.py" line="63"/>
        <location filename="../../ui/report_item_panel.py" line="236"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="91"/>
        <location filename="../../ui/report_tab.py" line="124"/>
        <source>事项变化报告</source>
        <translation>Change reports</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="99"/>
        <source>登记事项变化…</source>
        <translation>Register change…</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="101"/>
        <source>撤销…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="103"/>
        <source>撤销选中的事项变化报告(保留,标明已撤销)</source>
        <translation>Withdraw the selected change report (it is kept, marked withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="171"/>
        <source>请选择报告事项</source>
        <translation>Select a report item</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="207"/>
        <source>(此项必须如实填写,不能报“无”)</source>
        <translation>(this item must be answered truthfully; “none” is not accepted)</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="208"/>
        <source>填报情况:</source>
        <translation>Answer: </translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="232"/>
        <source>删除条目</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="233"/>
        <source>删除“{item}”的第{n}条?
{summary}</source>
        <translation>Delete entry {n} of “{item}”?
{summary}</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_panel.py" line="272"/>
        <source>未能保存:</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../ui/report_item_tree.py" line="30"/>
        <source>变化</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/report_item_tree.py" line="30"/>
        <source>填报情况</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="103"/>
        <source>开始年度报告…</source>
        <translation>Start annual report…</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="106"/>
        <source>提交报告…</source>
        <translation>Submit report…</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="118"/>
        <location filename="../../ui/report_tab.py" line="376"/>
        <source>{year}年度</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="118"/>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="119"/>
        <location filename="../../ui/report_tab.py" line="335"/>
        <extracomment>tr(r.status.label_zh); tr(report.status.label_zh)</extracomment>
        <source>已报告</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="119"/>
        <location filename="../../ui/report_tab.py" line="335"/>
        <location filename="../../ui/vetting_text.py" line="43"/>
        <extracomment>tr(r.status.label_zh); tr(report.status.label_zh); tr(state.label_zh)</extracomment>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="123"/>
        <source>预填自</source>
        <translation>Prefilled from</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="300"/>
        <source>已登记事项变化报告</source>
        <translation>Change report registered</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="306"/>
        <source>已撤销事项变化报告</source>
        <translation>Change report withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="328"/>
        <source>尚无个人有关事项报告</source>
        <translation>No personal-matters reports yet</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="334"/>
        <source>{year}年度个人有关事项报告</source>
        <translation>{year} personal-matters report</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="337"/>
        <source>事项版本{version}</source>
        <translation>Item list version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/report_tab.py" line="340"/>
        <source>{day}报告,不能再修改</source>
        <translation>submitted {day}, can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="71"/>
        <source>开始年度报告</source>
        <translation>Start annual report</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="106"/>
        <source>应于{due}前报告{year}年度的情况</source>
        <translation>The {year} report is due by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="113"/>
        <source>从上一年度报告预填(没有更早的已报告报告)</source>
        <translation>Prefill from the previous year&apos;s report (there is no earlier submitted report)</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="117"/>
        <source>从{year}年度报告预填</source>
        <translation>Prefill from the {year} report</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="133"/>
        <source>提交{year}年度报告</source>
        <translation>Submit the {year} report</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="135"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="141"/>
        <source>提交后本报告不能再修改;此后家事事项的变化请登记事项变化报告。</source>
        <translation>Once submitted, this report can no longer be changed; register later changes to family items as change reports.</translation>
    </message>
    <message>
        <location filename="../../ui/report_year_dialogs.py" line="150"/>
        <source>尚有{n}项未填写:{items}</source>
        <translation>{n} item(s) not answered yet: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="43"/>
        <location filename="../../ui/role_grant_box.py" line="132"/>
        <source>角色授权</source>
        <translation>Role grants</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="49"/>
        <source>三员分立:系统管理员、安全保密管理员、安全审计员互不兼任,也不兼任录入员或审核员(小单位策略放开时除外)。</source>
        <translation>Separation of the three administrator roles: the system administrator, the security officer and the security auditor never hold each other&apos;s role, nor the clerk&apos;s or the vetting officer&apos;s (unless the small-unit policy allows it).</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="61"/>
        <source>授予角色</source>
        <translation>Grant role</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="62"/>
        <source>撤销角色</source>
        <translation>Revoke role</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="64"/>
        <source>角色:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="99"/>
        <source>已授予 {name} 角色:{role}</source>
        <translation>Role granted to {name}: {role}</translation>
    </message>
    <message>
        <location filename="../../ui/role_grant_box.py" line="109"/>
        <source>已撤销 {name} 的角色:{role}</source>
        <translation>Role revoked from {name}: {role}</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="75"/>
        <source>{year}年度应查核{population}人,按{percent}%抽取{drawn}人(随机种子 {seed},人员范围摘要 SHA-256 {digest}…)</source>
        <translation>{year}: {population} official(s) to check, {percent}% drawn: {drawn} (random seed {seed}, population digest SHA-256 {digest}…)</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="83"/>
        <source>。此为预览,尚未建立查核。</source>
        <translation>. This is a preview: no report checks were opened.</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="84"/>
        <source>。已建立{n}项随机抽查。</source>
        <translation>. {n} random check(s) opened.</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="120"/>
        <source>从已提交该年度个人有关事项报告、尚未查核的在职人员中按比例随机抽取。同一随机种子、年度和人员范围总是抽出同样的名单,可据审计日志复核。</source>
        <translation>Draws the given share at random among serving officials who submitted that year&apos;s personal-matters report and have not been checked yet. The same seed, year and population always draw the same list, which can be repeated from the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="133"/>
        <source>重新生成随机种子</source>
        <translation>New random seed</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="157"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="159"/>
        <source>按当前条件试抽,不建立查核</source>
        <translation>Try a draw with these settings without opening any report checks</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="161"/>
        <source>抽取并建立查核</source>
        <translation>Draw and open checks</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="190"/>
        <source>每个年度只能正式抽取一次,抽中的人员将各建立一项{year}年度随机抽查。确定抽取?</source>
        <translation>Each year can be drawn only once for real; every official drawn gets a {year} random check. Draw now?</translation>
    </message>
    <message>
        <location filename="../../ui/sampling_dialog.py" line="193"/>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="58"/>
        <source>全部监督对象类别</source>
        <translation>All supervision categories</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="60"/>
        <source>第{n}类 {label}</source>
        <translation>Category {n} {label}</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="70"/>
        <source>监督对象类别(监察法第十五条)</source>
        <translation>Supervision category (Supervision Law, Art. 15)</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="73"/>
        <source>职级(完整名称)</source>
        <translation>Rank (full name)</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="74"/>
        <source>与档案中的职级完全一致,如“正科级”</source>
        <translation>Exactly as the rank is written in the dossier, e.g. “正科级”</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="85"/>
        <source>单位(开头部分)</source>
        <translation>Unit (beginning)</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="86"/>
        <source>工作单位以此开头,如“青山县”包括其下各单位</source>
        <translation>The work unit starts with this: “青山县” includes every unit under it</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="90"/>
        <extracomment>tr(label)</extracomment>
        <source>一把手</source>
        <translation>Top leader</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="90"/>
        <extracomment>tr(label)</extracomment>
        <source>一肩挑</source>
        <translation>Dual top post</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="90"/>
        <location filename="../../ui/vetting_text.py" line="35"/>
        <extracomment>tr(label); tr(purpose.label_zh)</extracomment>
        <source>后备干部</source>
        <translation>Reserve cadre</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="90"/>
        <extracomment>tr(label)</extracomment>
        <source>领导干部</source>
        <translation>Leading cadre</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="92"/>
        <source>有未了结线索</source>
        <translation>Has an open clue</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="93"/>
        <source>有未撤销、状态不是“已了结”的问题线索</source>
        <translation>Has a clue that is not withdrawn and whose status is not “已了结” (closed)</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="94"/>
        <source>处于影响期</source>
        <translation>In an influence period</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="95"/>
        <source>处分或诫勉的影响期今天尚未结束</source>
        <translation>The influence period of a sanction or admonishment has not ended today</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="96"/>
        <source>未报</source>
        <translation>Not filed:</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="97"/>
        <source>该年度的个人有关事项报告未提交(草稿不算)</source>
        <translation>That year&apos;s personal-matters report has not been submitted (a draft does not count)</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="102"/>
        <source> 年度报告</source>
        <translation> annual report</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="103"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/search_filter_bar.py" line="112"/>
        <source>标识:</source>
        <translation>Flags:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="53"/>
        <source>廉档 — 解锁档案库</source>
        <translation>LianDang — Unlock vault</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="56"/>
        <source>档案库所在文件夹</source>
        <translation>Folder of the vault</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="57"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="69"/>
        <source>下次在本机打开时无需输入密码;修改密码后需重新勾选。公用计算机上请勿勾选。</source>
        <translation>No password is needed the next time on this computer; tick again after changing your password. Do not tick this on a shared computer.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="77"/>
        <source>档案库:</source>
        <translation>Vault:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="78"/>
        <source>用户名:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="79"/>
        <source>密码:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="95"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="120"/>
        <source>请选择档案库文件夹</source>
        <translation>Choose the vault folder</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="121"/>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="122"/>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="72"/>
        <source>登记一份党风廉政意见来函及其人选</source>
        <translation>Register a request letter for an integrity opinion and its candidates</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="72"/>
        <source>登记来函…</source>
        <translation>Register request letter…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="74"/>
        <source>重新读取来函及系统建议</source>
        <translation>Read the request letters and proposals again</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="76"/>
        <location filename="../../ui/vetting_window.py" line="244"/>
        <source>确认建议</source>
        <translation>Confirm proposal</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="76"/>
        <source>确认所选人选的系统建议类别</source>
        <translation>Confirm the proposed category of the selected candidate</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="78"/>
        <source>改定所选人选的意见类别(须说明理由)</source>
        <translation>Override the opinion category of the selected candidate (a justification is required)</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="78"/>
        <source>改定类别…</source>
        <translation>Override category…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="79"/>
        <source>确认已审核所选人选的干部人事档案</source>
        <translation>Confirm that the selected candidate&apos;s personnel file was reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="79"/>
        <source>确认已审档案…</source>
        <translation>Confirm file reviewed…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="80"/>
        <source>全部人选确定意见后,将草稿提交审核</source>
        <translation>Once every candidate is decided, submit the draft for review</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="80"/>
        <location filename="../../ui/vetting_window.py" line="279"/>
        <source>提交审核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="83"/>
        <source>签发回复…</source>
        <translation>Issue reply…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="84"/>
        <source>生成并签章党风廉政意见回复PDF</source>
        <translation>Create and sign the integrity opinion reply PDF</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="87"/>
        <source>另存回复…</source>
        <translation>Save reply copy…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_actions.py" line="87"/>
        <source>将已签发的回复另存一份</source>
        <translation>Save another copy of the issued reply</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_attest_dialog.py" line="39"/>
        <source>确认已审核干部人事档案</source>
        <translation>Confirm personnel file reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_attest_dialog.py" line="43"/>
        <location filename="../../ui/vetting_override_dialog.py" line="57"/>
        <source>人选:{name}</source>
        <translation>Candidate: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_attest_dialog.py" line="44"/>
        <extracomment>tr(HINT_ZH)</extracomment>
        <source>干部人事档案保存在本系统之外。请说明审核情况(如审核的内容、发现的问题),说明将记入凡提四必清单。</source>
        <translation>Personnel files are kept outside this system. Describe the review (what was reviewed, any problems found); the note goes into the four-musts checklist.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_attest_dialog.py" line="51"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_candidate_picker.py" line="47"/>
        <source>加入人选</source>
        <translation>Add candidate</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_candidate_picker.py" line="49"/>
        <source>移出人选</source>
        <translation>Remove candidate</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_candidate_picker.py" line="124"/>
        <source>至少需要一名人选</source>
        <translation>At least one candidate is needed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_candidate_picker.py" line="128"/>
        <source>人选:{reason}</source>
        <translation>Candidates: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_candidate_picker.py" line="137"/>
        <location filename="../../ui/vetting_candidate_picker.py" line="143"/>
        <source>已选人选({n})</source>
        <translation>Chosen candidates ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="51"/>
        <source>人选</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="58"/>
        <location filename="../../ui/vetting_detail_panel.py" line="158"/>
        <location filename="../../ui/vetting_models.py" line="79"/>
        <source>建议理由</source>
        <translation>Reasons for the proposal</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="69"/>
        <location filename="../../ui/vetting_detail_panel.py" line="159"/>
        <source>凡提四必</source>
        <translation>Four musts</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="115"/>
        <source>状态:{state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="136"/>
        <source>请在左侧选择一份来函</source>
        <translation>Select a request letter on the left</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="164"/>
        <source>{name}:系统建议 {category}</source>
        <translation>{name}: proposed {category}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="168"/>
        <source>{name}:凡提四必</source>
        <translation>{name}: four musts</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="180"/>
        <source>尚未确定意见:请确认系统建议,或改定类别并说明理由。</source>
        <translation>No opinion yet: confirm the proposal, or override the category with a justification.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="181"/>
        <source>确定意见:{category}({how},{by},{at})</source>
        <translation>Opinion: {category} ({how}, {by}, {at})</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="183"/>
        <location filename="../../ui/vetting_override_dialog.py" line="82"/>
        <location filename="../../ui/vetting_text.py" line="48"/>
        <extracomment>tr(decision.decision.label_zh)</extracomment>
        <source>改定</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="183"/>
        <location filename="../../ui/vetting_text.py" line="48"/>
        <extracomment>tr(decision.decision.label_zh)</extracomment>
        <source>确认系统建议</source>
        <translation>Proposal confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="188"/>
        <source>理由:{text}</source>
        <translation>Justification: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_detail_panel.py" line="190"/>
        <source>确定意见后档案有变化(系统建议或理由已不同),请重新确认或改定,才能提交或签发。</source>
        <translation>The dossier changed after the opinion was decided (the proposal or its reasons differ): confirm or override again before submitting or issuing.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="50"/>
        <source>来函文号</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="52"/>
        <source>人选数</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="53"/>
        <source>来函单位</source>
        <translation>Requesting unit</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="54"/>
        <source>来函日期</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="55"/>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="56"/>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="77"/>
        <source>工作单位及职务</source>
        <translation>Unit and post</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="78"/>
        <source>系统建议</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="80"/>
        <source>确定意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="81"/>
        <source>方式</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="82"/>
        <source>干部档案</source>
        <translation>Personnel file</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="83"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="114"/>
        <source>第{n}类</source>
        <translation>Category {n}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="115"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="116"/>
        <location filename="../../ui/vetting_models.py" line="130"/>
        <source>依据</source>
        <translation>Based on</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="128"/>
        <extracomment>tr(i.label_zh)</extracomment>
        <source>个人有关事项报告必查</source>
        <translation>Personal-matters report checked</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="128"/>
        <extracomment>tr(i.label_zh)</extracomment>
        <source>干部档案必审</source>
        <translation>Personnel file reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="128"/>
        <extracomment>tr(i.label_zh)</extracomment>
        <source>纪检监察机关意见必听</source>
        <translation>Discipline commission&apos;s opinion heard</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="128"/>
        <extracomment>tr(i.label_zh)</extracomment>
        <source>线索具体的信访举报必核</source>
        <translation>Specific petitions investigated</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_models.py" line="129"/>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_override_dialog.py" line="52"/>
        <source>改定意见类别</source>
        <translation>Override opinion category</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_override_dialog.py" line="59"/>
        <source>系统建议:{category}
理由:{reasons}</source>
        <translation>Proposal: {category}
Reasons: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_override_dialog.py" line="67"/>
        <extracomment>tr(NOTICE_ZH)</extracomment>
        <source>改定系统建议的类别须书面说明理由。理由与您的姓名一并记入回复,由您负责。</source>
        <translation>Overriding the proposed category needs a written justification. It goes into the reply together with your name, and you are answerable for it.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="39"/>
        <source>党风廉政意见回复-{unit}-{number}.pdf</source>
        <translation>integrity-opinion-reply-{unit}-{number}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="82"/>
        <location filename="../../ui/vetting_reply_flow.py" line="94"/>
        <source>签发党风廉政意见回复</source>
        <translation>Issue integrity opinion reply</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="83"/>
        <extracomment>tr(CONFIRM_ZH)</extracomment>
        <source>签发后,来函“{number}”将标为已回复,意见不能再修改;回复以本单位签章证书签章,并在{n}名人选的档案中各归档一份。确定签发吗?</source>
        <translation>Once issued, request letter “{number}” is marked replied and the opinions can no longer be changed; the reply is signed with this unit&apos;s signing certificate and a copy is filed in the dossier of each of the {n} candidate(s). Issue it now?</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="84"/>
        <source>签发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="92"/>
        <source>另存党风廉政意见回复</source>
        <translation>Save integrity opinion reply</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="121"/>
        <source>已另存党风廉政意见回复(与签发件相同)。
文号:{number}
保存位置:{path}</source>
        <translation>Integrity opinion reply saved again (identical to the issued one).
Document number: {number}
Saved to: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="123"/>
        <source>已签发党风廉政意见回复,并在{n}名人选的档案中归档。
文号:{number}
保存位置:{path}</source>
        <translation>Integrity opinion reply issued and filed in the dossiers of {n} candidate(s).
Document number: {number}
Saved to: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="128"/>
        <source>另存完成</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="128"/>
        <source>签发完成</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_reply_flow.py" line="136"/>
        <source>签发失败</source>
        <translation>Issuing failed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_request_dialog.py" line="54"/>
        <source>登记党风廉政意见来函</source>
        <translation>Register integrity opinion request letter</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_request_dialog.py" line="57"/>
        <location filename="../../ui/vetting_window.py" line="104"/>
        <source>来函</source>
        <translation>Request letter</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_request_dialog.py" line="66"/>
        <source>人选(按姓名、拼音首字母、身份证号或单位查找)</source>
        <translation>Candidates (find by name, pinyin initials, ID number or unit)</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>建议不宜使用</source>
        <translation>Appointment not advisable</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>建议暂缓使用</source>
        <translation>Appointment should be deferred</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>收到线索,尚在处置中,暂缓提出意见</source>
        <translation>Clue received and still being handled; opinion deferred</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>收到线索,已了结,对其使用不持异议</source>
        <translation>Clue received and closed; no objection to the appointment</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>收到线索,已谈话提醒、批评教育,或已处分且已过影响期,不持异议</source>
        <translation>Clue received; reminder talk or criticism and education given, or sanctioned with the influence period over; no objection</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <extracomment>tr(category.label_zh)</extracomment>
        <source>未收到反映其问题的线索</source>
        <translation>No clue about problems received</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="26"/>
        <source>第{n}类:{label}</source>
        <translation>Category {n}: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="35"/>
        <extracomment>tr(purpose.label_zh)</extracomment>
        <source>拟提拔</source>
        <translation>Proposed promotion</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="35"/>
        <extracomment>tr(purpose.label_zh)</extracomment>
        <source>拟进一步使用</source>
        <translation>Proposed further use</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="35"/>
        <extracomment>tr(purpose.label_zh)</extracomment>
        <source>评先评优</source>
        <translation>Commendation</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="43"/>
        <extracomment>tr(state.label_zh)</extracomment>
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="43"/>
        <extracomment>tr(state.label_zh)</extracomment>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="48"/>
        <extracomment>tr(UNDECIDED_ZH)</extracomment>
        <source>待确定</source>
        <translation>To be decided</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="56"/>
        <extracomment>tr(STALE_ZH)</extracomment>
        <source>档案已变化,需重新确定</source>
        <translation>Dossier changed: decide again</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="60"/>
        <source>已审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="60"/>
        <source>未审</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="65"/>
        <source>记录#{id}</source>
        <translation>Record #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="66"/>
        <source>查核#{id}</source>
        <translation>Check #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="71"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="76"/>
        <source>{unit} {number}({date},{purpose})</source>
        <translation>{unit} {number} ({date}, {purpose})</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="87"/>
        <source>草稿:请逐一确认或改定每名人选的意见,审核干部人事档案后确认,然后提交审核。</source>
        <translation>Draft: confirm or override the opinion on each candidate, confirm each personnel file once reviewed, then submit for review.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="89"/>
        <source>审核中:可签发回复(签发前仍可修改意见)。提交人:{by},{at}</source>
        <translation>Under review: the reply can be issued (opinions can still change until then). Submitted by {by}, {at}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_text.py" line="92"/>
        <source>已回复:文号 {number},{by} 于 {at} 签发。回复已签发,不能再修改。</source>
        <translation>Replied: document number {number}, issued by {by} on {at}. The reply is issued and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="74"/>
        <extracomment>tr(WINDOW_TITLE)</extracomment>
        <source>党风廉政意见回复</source>
        <translation>Integrity opinion replies</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="185"/>
        <source>来函({n})</source>
        <translation>Request letters ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="243"/>
        <source>已确认{name}的系统建议</source>
        <translation>Proposal confirmed for {name}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="255"/>
        <source>已改定{name}的意见类别</source>
        <translation>Opinion category overridden for {name}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="267"/>
        <source>已确认审核{name}的干部人事档案</source>
        <translation>Personnel file review confirmed for {name}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="278"/>
        <source>已提交审核:{number}</source>
        <translation>Submitted for review: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="289"/>
        <source>已登记来函:{number}</source>
        <translation>Request letter registered: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="326"/>
        <source>正在生成并签章党风廉政意见回复…</source>
        <translation>Creating and signing the integrity opinion reply…</translation>
    </message>
    <message>
        <location filename="../../ui/vetting_window.py" line="367"/>
        <source>正在签发回复,请稍候…</source>
        <translation>Issuing the reply, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="96"/>
        <location filename="../../ui/withdraw_dialog.py" line="99"/>
        <source>撤销记录</source>
        <translation>Withdraw record</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="97"/>
        <source>记录:</source>
        <translation>Record: </translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="98"/>
        <extracomment>tr(WARNING_ZH)</extracomment>
        <source>撤销后,该记录仍保留在档案及其修改历史中,标明“已撤销”和撤销理由,但不能再修改,也不能恢复(撤销操作不能撤消)。</source>
        <translation>After withdrawal the record stays in the dossier and its version history, marked “Withdrawn” with the reason, but can no longer be edited or restored (a withdrawal cannot be undone).</translation>
    </message>
</context>
</TS>
