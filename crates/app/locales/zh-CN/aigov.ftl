# aigov 自身用语（简体中文）。译者请注意：en-US/aigov.ftl 中的每条消息都必须在此出现，测试会检查。
# 变量写作 { $name }。法律本身的文字（标题、摘要、引用）来自法规库，而非本文件。

## 状态
status-in-effect = 已生效
status-upcoming = 即将适用
status-suspended = 已中止
status-ended = 已终止
status-undetermined = 待确定
status-not-applicable = 不适用
status-prohibited = 禁止

## 效力类型
effect-classification = 分类
effect-obligation = 义务
effect-prohibition = 禁止
effect-exemption = 豁免
effect-prohibited = 禁止

## 评估报告
report-title = aigov 评估：{ $name }（{ $subject }）
report-unnamed = （未命名）
report-as-of = 截至 { $date } · 法规库：{ $instruments } 部法律文件，{ $rules } 条规则
report-jurisdictions = 法域：{ $list }
report-prohibition-applies = 本对象适用一项禁止性规定（见下文）。
report-counts = 规则：{ $counts }
report-count = { $status } { $count } 条
report-classification = 分类
report-no-classification = 无适用的分类。
report-item-classification = 物项分类（美国出口管制）
report-conflict = 冲突
report-proposed-group = （拟议规则：尚非法律）
report-non-binding-group = （无约束力）
report-nothing = 截至该日期，法规库中没有涉及本对象的规则。
report-derived = 推导值
report-questions = 可确定待定规则的问题
report-question-settles = 可确定 { $count } 条规则
report-footer = 每项结论均引用其条款；`aigov explain 文件 规则ID` 显示推导过程。

## 单项结论
finding-since = 自 { $date } 起生效
finding-from = 自 { $date } 起适用
finding-would-apply-from = 将自 { $date } 起适用
finding-would-be-in-effect = 将自 { $date } 起生效
finding-would-be = 将为“{ $status }”
finding-does-not-apply = 不适用
finding-proposed = { $date } 提出，尚非法律
finding-proposed-open = （是否涉及您？见问题部分）
finding-proposed-adopted = （如获通过将涉及您）
finding-must = 应当：{ $duty }
finding-deadline = 期限：{ $deadline }
finding-must-not = 不得：{ $practice }
finding-exempt = 豁免：{ $relief }
finding-classification = 分类：{ $tier }（{ $regime } { $axis }）
finding-penalty = 罚则：{ $text }（{ $citation }）
finding-penalty-ended = 罚则（已不可执行）：{ $text }（{ $citation }）
finding-penalty-not-yet = { " " }— 尚不可执行：违反本规则的罚款自 { $date } 起方可处以
finding-penalty-confidence = { " " }— 对上述条款的可信度：{ $level }{ $note }
finding-history = 沿革：{ $instrument } { $steps }
finding-history-then = ，随后
finding-caveat = 注意（{ $instrument }）：{ $note }
finding-amended = 经 { $by } 修订（该文本自 { $date } 起施行）
finding-needs = 需要：{ $facts }（见下方问题）
finding-confidence = 可信度：{ $level }
finding-challenged = { $date } 受到质疑{ $by }（质疑并非中止：该法律仍然适用）
finding-challenged-by = ，质疑方：{ $by }
finding-derived = { $fact } = { $value }（由 { $method } 推导：{ $arithmetic }）
confidence-high = 高
confidence-medium = 中
confidence-low = 低
report-by-jurisdiction = 按法域（具约束力的规则）
report-jurisdiction-counts = 已生效 { $in_effect } 条，即将适用 { $upcoming } 条，待确定 { $undetermined } 条
report-jurisdiction-class = 最严格的分类：{ $class }（{ $law }）
report-jurisdiction-no-class = 无风险分类

## 问答（aigov interview）
interview-intro = aigov 问答 — 截至 { $date }。请逐一回答问题；直接按回车跳过，输入 `q` 结束。
interview-question = { $question }（{ $fact }；可确定 { $count } 条规则）
interview-choices = 选项
interview-choices-set = 选项（以逗号分隔）
report-corpus-stale = 警告：法规库所编码的法律审查截至 { $reviewed }；本答复针对 { $date }，晚了 { $days } 天：此后制定或修改的法律可能未被纳入。

## Printable reports (the web app's HTML and PDF reports)
doc-subject-title = 报告：{ $name }
doc-subject-meta = 截至 { $date } · { $kind } · 第 { $version } 版 · 编号 { $id }
doc-inventory-title = 清单报告
doc-inventory-meta = 截至 { $date }
doc-corpus = 法规库：{ $instruments } 部文件，{ $rules } 条规则
doc-classifications = 分类
doc-duties = 义务
doc-no-duties = 该日期无适用义务。
doc-finding = { $title }：{ $what } — { $status }，自 { $date } — { $citation }
doc-overview = 概览
doc-inventory-counts = 共 { $subjects } 个对象，其中 { $prohibited } 个有生效中的禁止性规定。
doc-subjects = 对象
doc-deadlines = 即将到来的期限
doc-no-deadlines = 今后无日期事件。
doc-col-jurisdiction = 法域
doc-col-class = 类别
doc-col-status = 状态
doc-col-from = 起始日期
doc-col-citation = 出处
doc-col-subjects = 对象数
doc-col-name = 名称
doc-col-kind = 类型
doc-col-questions = 待答问题
doc-col-date = 日期
doc-col-what = 事项
doc-footer = 每项结论均注明其条款出处。由 aigov 依据数据化的法律生成；不构成法律意见。
doc-pdf-replaced = 本 PDF 的拉丁字体无法显示的 { $count } 个字符（如中文）显示为“?”；HTML 报告可完整显示。
