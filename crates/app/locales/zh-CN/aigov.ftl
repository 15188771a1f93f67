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
report-linked-subject = 对象 { $n }/{ $count }：{ $id }（{ $subject }）
report-linked-built-on = 基于 { $id }
report-unnamed = （未命名）
report-as-of = 截至 { $date } · 法规库：{ $instruments } 部法律文件，{ $rules } 条规则
report-jurisdictions = 法域：{ $list }
report-markets-complete = 已声明完整的市场：{ $list }（其他地方的事实均视为否）
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
report-open = 尚待确定：每个问题及其可确定的规则
report-open-listed-above = （相关规则已在上文列出）
report-open-also-needs = 还需要：{ $facts }
report-open-other = 因其他原因尚待确定
report-nothing-decided = 尚无已确定的结论：可能涉及本对象的每条规则都有待下列事实确定。
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
finding-penalty-in-full = { " " }— 完整表述：{ $summary }
finding-penalty-not-yet = { " " }— 尚不可执行：违反本规则的罚款自 { $date } 起方可处以
finding-penalty-confidence = { " " }— 对上述条款的可信度：{ $level }{ $note }
finding-history = 沿革：{ $instrument } { $steps }
finding-history-then = ，随后
finding-caveat = 注意（{ $instrument }）：{ $note }
finding-caveat-again = 注意（{ $instrument }）：见上文
finding-amended = 经 { $by } 修订（该文本自 { $date } 起施行）
finding-needs = 需要：{ $facts }（见下方问题）
finding-confidence = 可信度：{ $level }
finding-challenged = { $date } 受到质疑{ $by }（质疑并非中止：该法律仍然适用）
finding-challenged-by = ，质疑方：{ $by }
finding-derived = { $fact } = { $value }（由 { $method } 推导：{ $arithmetic }）
finding-derived-answer = { $fact } = { $value }（依据{ $method }推导：{ $formula }，其中 { $values }；直接回答 { $fact } 即可覆盖）
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
interview-hint-bool = 是/否（yes/no）
interview-hint-date = 日期，格式 YYYY-MM-DD
interview-hint-regions = 地区代码，以逗号分隔，例如 DE, FR, US-CA
interview-hint-number = 数字，单位：{ $unit }
interview-not-utf8 = 回答不是 UTF-8 文本，请重新回答
interview-invalid = 回答无效：{ $detail }。请重新回答
interview-subject = 对象 { $id }（{ $subject }）：
interview-organization = 组织（所有对象共用）：
report-corpus-stale = 警告：法规库所编码的法律审查截至 { $reviewed }；本答复针对 { $date }，晚了 { $days } 天：此后制定或修改的法律可能未被纳入。

## 罚则
money = { $currency } { $amount }
penalty-band-range = { $min } 至 { $max }
penalty-band-up-to = 最高 { $max }
penalty-band-at-least = 至少 { $min }
penalty-unit-per-violation = 每次违法
penalty-unit-per-day = 违法每持续一日
penalty-unit-per-affected-person = 每名受影响者
penalty-unit-one-off = 每项违法行为
penalty-turnover = 全球年营业额的 { $percent }%
penalty-cap-higher = 最高 { $amount } 或 { $turnover }，以较高者为准
penalty-cap-lower = 最高 { $amount } 或 { $turnover }，以较低者为准
penalty-sme-applies = （适用中小企业规则）
penalty-sme-higher = ；中小企业以较高者为准
penalty-sme-lower = ；中小企业以较低者为准
penalty-each-day = ，每持续一日构成一项单独的违法行为
penalty-tier = { $label }：{ $band }（{ $unit }）
penalty-with-tiers = { $amount }（{ $tiers }）
penalty-enforced-by = 执法机关：{ $names }
penalty-enforced-by-only = 仅由 { $names } 执法
penalty-private-right = 个人可提起诉讼
penalty-no-private-right = 个人不可提起诉讼
penalty-cure = 收到通知后有 { $days } 天纠正期
penalty-from = 自 { $date } 起可处罚
list-separator = 、
clause-separator = ；

## 生命周期事件
event-adopted = 通过
event-signed = 签署
event-published = 公布
event-entered-into-force = 生效
event-applies-from = 开始适用
event-amended = 修订
event-revoked = 撤销
event-repealed = 废止
event-replaced = 被取代
event-expired = 失效
event-vetoed = 被否决
event-stayed = 被法院中止
event-stayed-by = 中止
event-stay-lifted = 中止解除
event-not-enforced = 暂不执行
event-enforcement-resumed = 恢复执行
event-challenged = 受到质疑
event-proposed = 提出
event-withdrawn = 撤回
cause = { $instrument } 于 { $date } { $verb }
cause-by = { $instrument } 于 { $date } 由 { $by } { $verb }
cause-no-instrument = 于 { $date } { $verb }
cause-ends = 于 { $date } 终止
report-conflict-says = { $rule } 认定为 { $tier }

## aigov explain
explain-instrument = 法律文件：{ $title }（{ $citation }），{ $jurisdiction } — { $url }
explain-not-yet-law = 截至 { $date }：本规则尚非法律（其文本自 { $first } 起成为法律）。
explain-citation = 引用：{ $citation }
explain-as-of = 截至 { $date }：{ $status } — { $when }
explain-effect = 效力：{ $effect }
explain-summary = 摘要：{ $summary }
explain-challenge = 质疑：{ $challenge }
explain-text = 文本：自 { $date } 起为法律{ $amended }
explain-text-amended = ，经 { $by } 修订
explain-versions = 版本：
explain-version = 自 { $from }：自 { $applies } 起适用{ $amended }
explain-version-amended = （经 { $by } 修订）
explain-derivation = 推导
explain-condition = 条件：
explain-exceptions = 例外（任一成立即排除本规则）：
explain-exception-fired = 成立
explain-exception-not-fired = 不成立
explain-exception-unknown = 未知
explain-exception = { $id } — { $verdict }（{ $citation }）：{ $summary }
explain-defeater = { $rule }（{ $citation }）：{ $result }
explain-defeaters = 适用时排除本规则的规则：
explain-builds-on = 所依据的规则
explain-questions = 可确定本规则的问题
explain-confidence = 可信度：{ $level }。{ $note }
explain-any-of = { $count } 个选项中任一成立
explain-all-of = { $count } 个条件全部成立
explain-others = 其余 { $count } 项{ $verdict }
explain-others-false = 不成立
explain-others-true = 成立
explain-others-decided = 已确定
explain-above = （见上）
explain-ref-exception = 例外 { $id }（{ $citation }）：{ $result }
explain-ref-defeated = 若 { $rule }（{ $citation }）适用则排除：{ $result }
explain-refs-failed = 其余 { $count } 条规则不成立：{ $ids }
trace-not-given = 未知（未提供）
trace-not-given-markets = 未提供；清单所列市场已声明完整（{ $markets }）
trace-no-parameter-value = 该日期无值
truth-true = 成立
truth-false = 不成立
truth-unknown = 未知
penalty-amount-unit = { $amount }（{ $unit }）
date-source = { $instrument }{ $verb }{ $provisions }
date-source-provisions = （{ $provisions }）
finding-source = （{ $source }）
penalty-cap-unit = （{ $unit }）

## aigov changes
changes-scope = （{ $list }）
changes-title = 法律的变化{ $scope }：{ $from } 之后至 { $to }
changes-nothing = 没有变化。
changes-law = { $title }（{ $jurisdiction }）
changes-law-not-binding = { $title }（{ $jurisdiction }，无约束力）
changes-by = ，依据 { $by }
changes-event = { $law } { $verb }{ $by }
changes-rules-began = { $law }：{ $count } 条规则开始适用
changes-rules-ended = { $law }：{ $count } 条规则停止适用
changes-rule-amended = { $law }：文本经修订{ $by }
changes-rules-were = 前一日适用的 { $count } 条规则：

## aigov diff
diff-title = { $name }（{ $subject }）从 { $from } 到 { $to } 的变化
diff-nothing = 没有变化。
diff-because = 原因：{ $cause }
diff-new-law = { $status }（新法律）
diff-no-longer-law = { $status } → 不再是法律
diff-tier = 分类 { $from } → { $to }
diff-applies-from = 自 { $date } 起适用（此前为 { $before }）
diff-amended-by = 经 { $by } 修订
diff-amended = 修订：{ $change }
diff-new-text = 自 { $date } 起适用新文本
diff-summary-changed = 摘要有变化
diff-fines-now = 现可处以罚款（{ $citation }，自 { $date } 起）

## aigov timeline
timeline-title = { $name }（{ $subject }）的时间线，法律截至 { $date }
timeline-as-of = 截至 { $date }
timeline-kind-applies = 适用
timeline-kind-proposed = 提出
timeline-kind-deadline = 期限
timeline-kind-penalty = 罚则
timeline-kind-amended = 修订
timeline-kind-suspended = 中止
timeline-kind-ends = 终止
timeline-penalty-text = 自此日起可对违反本规则的行为处以罚款
timeline-amended-text = 规则文本经修订
timeline-suspended-text = 规则中止适用
timeline-ends-text = 规则停止适用

## aigov corpus list
list-id = 编号
list-jurisdiction = 法域
list-rules = 规则数
list-title = 标题

## 以控制措施衡量的“棋盘”（aigov compare、aigov map）
measured-title = “棋盘”的衡量
measured-row = { $jurisdiction }：义务 { $duties } 项，控制措施 { $controls } 项
measured-summary = 逐州计算：义务 { $state_duties } 项（不同义务 { $duties } 项），控制措施实施 { $state_controls } 项。一套包含 { $programme } 项控制措施的全国性方案可原样满足 { $duties } 项义务中的 { $covered } 项；{ $tailored } 项需按州调整{ $list }。
measured-tailored-list = （{ $list }）

## aigov map
map-title = aigov 地图：{ $name }（{ $subject }），按美国各州列出的具约束力义务，法律截至 { $date }
map-score = 得分：已生效的不同的具约束力义务（义务和禁止性规定）数：联邦 + 州（纽约市另加市级）。
map-federal = 在各地均已生效的联邦义务：{ $count } 项。⚑ = 该法律受到联邦质疑。
map-col-area = 地区
map-col-score = 得分
map-col-fed = 联邦
map-col-state = 州
map-col-city = 市
map-col-upcoming = 即将适用
map-col-suspended = 中止
map-col-undetermined = 待定
map-col-laws = 法律
map-duties-by-law = 按法律列出的义务
map-challenged = ⚑ { $date } 受到质疑{ $by }{ $note }
map-challenged-by = ，质疑方：{ $by }
map-in-effect-since = 自 { $date } 起生效
map-applies-from = 自 { $date } 起适用
map-suspended = 已中止
map-undetermined = 待确定（见问题）
map-undetermined-heading = 待确定
map-undetermined-text = { $count } 项义务取决于清单未提供的事实：得分只计入已知生效的义务，因此有待定义务的州可能承担更多义务。请回答以下问题加以确定：

## 事实类型（报告中的问题）
type-bool = 是/否
type-number = 数值
type-date = 日期
type-enum = 单选
type-set = 多选
type-regions = 地区列表
type-text = 文本

## 物项的美国出口管制分类
item-unknown = 未知
item-performance = TPP { $tpp } · 性能密度 { $density }
item-not-classified = 在该日期不属于 3A090/4A090/4E091（或法规库中的任何其他物项分类）
item-class = { $label } — 自 { $date } 起{ $status } — { $citation } [{ $rule }]
item-to-settle = 待确定：{ $question }
# 物项事实在测试与计算中的名称。
item-fact-tpp = TPP
item-fact-pd = 性能密度
item-fact-datacenter = 为数据中心设计或营销
item-fact-die-area = 适用芯片面积（平方毫米）
item-fact-dense-tops = 稠密 TOPS
item-fact-mac-tops = MacTOPS
item-fact-bit-length = 位长
item-fact-io-bandwidth = 输入/输出带宽（GB/s）
item-fact-memory-bandwidth = 内存带宽（GB/s）
item-fact-memory-bandwidth-density = 内存带宽密度（GB/s/平方毫米）
# 数值的推导方法（法规库中的推导标签）。
item-method-dense-tops = 稠密 TOPS × 位长
item-method-mac-tops = 2 × MacTOPS × 位长
item-method-pd = TPP / 适用芯片面积
item-method-hbm-density = 内存带宽 / 封装面积
item-derived = { $name } = { $method } = { $figures }
item-derived-dense-tpp = { $name } = { $method } = { $figures }（= 2 × MacTOPS × 位长：稠密 TOPS 将每次乘累加计为 2 次运算）
item-tpp-formats = TPP = 2 × MacTOPS × 位长 = 稠密 TOPS × 位长（稠密 TOPS 将每次乘累加计为 2 次运算），取各数据格式中的最高值：{ $formats }
item-format-max = { $line } ← 最高
item-tpp-published = TPP 为公布值（目录中没有各数据格式的数值）
item-tpp-unknown = TPP 未知：目录中没有公布的规格
item-tpp-manifest = TPP 为清单中给出的数值
# 子段的测试：`3A090.a.1：TPP 4,992 ≥ 4800`。
item-paragraph-tests = { $paragraph }：{ $tests }
item-list-separator = ，
item-also-meets = { $label }（同时符合 { $others }）
item-ic-meets = { $label }（其集成电路符合 { $met }）
item-and = 和
item-tier-z = “.z”段
item-tier-sec232-band-1 = 第232条关税第1档
item-tier-sec232-band-2 = 第232条关税第2档
item-class-status = { $label }（{ $status }）
finding-penalty-note = （{ $note }）
cause-new-text = 自 { $date } 起适用新文本
cause-amended-by = 经 { $by } 修订（自 { $date } 起施行）

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

## aigov plan：工作清单，逐项控制措施。
plan-title = { $who } 的工作计划（截至 { $date }）
plan-intro = 共 { $controls } 项控制措施，对应 { $duties } 项义务{ $undetermined }：每项控制措施只列一次，最早日期在前。
plan-intro-undetermined = （其中 { $count } 项待确定：见下方问题）
plan-subjects = 对象：{ $list }。
plan-subject = { $id }（{ $subject }，{ $duties } 项义务{ $built }）
plan-for-subject = { $subject }：{ $text }
plan-jurisdictions = 法域：{ $list }。
plan-control = { $n }. { $title } [{ $id }] — { $due }
plan-references = 参考框架：{ $refs }。
plan-not-sufficient = 仅靠本控制措施不能满足下列每条规则：请看各条规则还需要什么。
plan-rule = { $instrument } { $citation } — { $title }（{ $rule }）
plan-rule-detail = { $status }；与本控制措施的关系：{ $relationship }{ $source }
plan-source = （来源：{ $source }）
plan-also-needs = 还需要：{ $controls }
plan-extend = 需将本控制措施扩展至：{ $text }
plan-unmapped = 未对应任何控制措施的义务
plan-questions = 可确定待定义务的问题
plan-question = { $question }（{ $fact }）
plan-due-since = 自 { $date } 起即须具备
plan-due-by = 须于 { $date } 前具备
plan-in-effect = 自 { $date } 起生效
plan-upcoming = 自 { $date } 起适用
plan-undetermined-since = 待确定；如条件成立，自 { $date } 起已适用
plan-undetermined-from = 待确定；如条件成立，自 { $date } 起适用
plan-deadline = ；{ $deadline }
plan-proposed = ；拟议规则，不是法律
rel-equal = 等同
rel-subset-of = 是其子集
rel-superset-of = 是其超集
rel-intersects-with = 部分重合

## aigov compare：同一主体在多个法域下的比较，按控制措施归类。
compare-title = { $who } 在 { $jurisdictions } 下的比较（截至 { $date }）
compare-duties = 义务：{ $list }。共 { $controls } 项控制措施涵盖这些义务。
compare-duty-count = { $jurisdiction } { $count } 项
compare-rule = { $jurisdiction }：{ $instrument } { $citation } — { $title }（{ $rule }）
compare-rule-detail = { $status }；与本控制措施的关系：{ $relationship }
compare-strictest = 最严格的时限：{ $text }（{ $jurisdiction } { $citation }，{ $rule }）{ $others }
compare-others = ；其他：{ $list }
compare-window = { $text }（{ $jurisdiction } { $citation }）
compare-one-action = 一项行动：
compare-tailor = 需调整：
compare-action-one = 于 { $date } 前一次性实施“{ $control }”{ $window }：即可满足 { $jurisdictions } 个法域的全部 { $n } 条规则。
compare-action-window = ，并满足最短时限（{ $text }）
compare-action-tailor = 于 { $date } 前一次性实施“{ $control }”；可原样满足 { $n } 条规则中的 { $ok } 条，其余规则还需更多措施（见下）。
compare-extra = { $rule }（{ $jurisdiction }，{ $relationship }）：{ $what }
compare-extra-extend = 需扩展至：{ $text }
compare-extra-needs = 还需要 { $controls }
compare-conflicts = 冲突
compare-no-conflicts = 所比较的规则之间未发现冲突。
compare-conflict-classification = { $regime }：{ $rules }，在“{ $axis }”维度上分类相互背离；两者均予报告，不作取舍
compare-conflict-says = { $rule } 认定为“{ $tier }”
compare-conflict-diverges = { $standing } 将该主体在“{ $axis }”维度上归为“{ $tier }”（{ $standing_citation }）；{ $carved } 本来也会如此（{ $carved_citation }），但：{ $why }
compare-conflict-why = { $text }（{ $citation }）
compare-side = { $jurisdiction }：{ $instrument } { $citation }（{ $rule }，{ $status }）— { $conclusion }
compare-side-class = { $axis }：{ $tier }
compare-side-must = 应当：{ $duty }
compare-side-forbids = 禁止：{ $practice }
compare-side-exempts = 豁免：{ $relief }
compare-kind-classification = 分类冲突
compare-kind-diverges = 分类分歧
compare-kind-declared = 已声明冲突

## aigov corpus show：法律文件或规则的编码内容。
show-instrument = { $id } — { $short_title }
show-instrument-line = { $citation }；发布机关：{ $issuer }；{ $binding }
show-binding = 具约束力
show-non-binding = 无约束力
show-lifecycle = 生命周期：
show-event-by = 由 { $by }{ " " }
show-reviews = 本编码的审核记录（核对内容、修改内容照录原文）：
show-review-checked = 核对内容：{ $text }
show-review-changed = 修改内容：{ $text }
show-review-sources = 来源：{ $text }
show-rules = 规则：
show-rule = { $id } — { $title }
show-rule-line = { $instrument }（{ $jurisdiction }），适用于 { $subject }{ $roles }
show-roles = （角色：{ $roles }）
show-roles-separator = 或
show-text-from = 自 { $from } 起的文本{ $amended }：{ $citation } — 自 { $applies } 起适用
show-amended-by = （经 { $by } 修订）
show-change = 变更：{ $text }
show-when = 条件：{ $condition }
show-reads = 读取的事实：{ $facts }
show-builds-on = 依赖的规则：{ $rules }
show-unless = 除外情形 { $id }（{ $citation }）：{ $condition }
show-effect = 效力：{ $effect }
show-confidence = 可信度：{ $level } — { $note }

## aigov compute
compute-linked-skipped = 已跳过（没有训练算力事实，算力只适用于模型）：{ $list }。
classify-linked-skipped = 已跳过（既非物项也非出口，出口管制分类仅适用于二者）：{ $list }。
compute-title = 截至 { $date } 的训练算力
compute-not-enough = 输入不足：请提供 --flop，或 --parameters 和 --tokens（6·N·D），或 --accelerators、--peak-flops、--utilization 和 --days。
compute-given = 给定值
compute-estimate = { $method }：{ $flop } FLOP
compute-estimate-used = { $method }（采用）：{ $flop } FLOP
compute-method = 方法：{ $source }
compute-thresholds = 语料库中截至 { $date } 的算力阈值
compute-table-header = | 阈值 | 文书 | 状态 | 是否达到 | 参数 |
compute-reached = 已达到
compute-below = 未达到
compute-unknown = 未知
compute-standing-ended = { $date }{ $verb }
compute-standing-ended-by = { $date }被 { $by } { $verb }
compute-standing-since = 自 { $date }起{ $verb }
compute-standing-since-by = 自 { $date }起由 { $by } { $verb }
compute-standing-proposed = { $date } 提出，尚非法律
compute-standing-not-proposed = 尚未提出
compute-standing-not-yet-law = 尚非法律
compute-standing-enacted-in-force-from = 已通过；{ $date }起生效
compute-standing-enacted-applies-from = 已通过；{ $date }起适用
compute-standing-in-force = 有效
compute-standing-in-force-non-binding = 有效（无约束力）

## aigov export classify (a chip or an item manifest)
classify-title = { $name } — 截至 { $date } 的美国出口管制分类
classify-performance = 性能
classify-tpp = TPP：{ $value }
classify-pd = 性能密度：{ $value }
classify-note = 目录说明（照录原文）：{ $note }
classify-on = { $date } 的分类
classify-none = 该日期不属于3A090/4A090（也不属于语料库中的任何其他分类）
classify-class = { $label }（{ $axis }）— { $status }，自 { $date } 起 — { $citation } [{ $rule }]
classify-is-informed = 列入“知悉”函 `{ $letter }`：无论ECCN为何，其收件人向中国（含香港和澳门）、D:5国家或总部位于D:5国家或澳门的当事方出口均须取得许可证 [us_ear_is_informed_2025]
classify-timeline = 时间线 { $from } → { $to }
classify-not-controlled = 不受3A090/4A090管制

## aigov screen
screen-warning = 警告：{ $text }
screen-no-hit = { $query }：没有达到或超过 { $threshold } 的命中
screen-hits = { $query }：{ $count } 个命中
screen-alias-of = （{ $name } 的别名）
screen-programs = 项目或措施：{ $text }
screen-countries = 国家或地区：{ $text }
screen-licence-requirement = 许可证要求：{ $text }
screen-licence-policy = 许可证审查政策：{ $text }
screen-federal-register = 《联邦公报》：{ $text }
screen-why = 理由：{ $text }
screen-lists-used = 所用清单：
screen-published = 发布于 { $date }
screen-published-basis = 发布于 { $date }（{ $basis }）
screen-published-unknown = 发布日期未知
screen-list-version = { $part } { $published }，导入于 { $imported }，{ $records } 条记录，来源 { $source }
screen-ages = 清单时效按 { $date }（{ $basis }）计算，最长接受 { $days } 天
screen-not-current = ：无法确认清单为最新
screen-disclaimer = 命中与否都不是合规结论；请核对清单条目，并保持清单为最新。
screen-why-pair = { $query } = { $listed }（{ $how }，{ $similarity }）
screen-how-exact = 完全一致
screen-how-translated = 译自 { $hanzi }
screen-how-pinyin = { $hanzi } 的拼音
screen-how-fuzzy = { $edits } 处编辑差异
screen-how-joined = 词语合写或分写
screen-how-acronym = 首字母缩写
screen-why-query-only = 仅见于查询：{ $tokens }
screen-why-listing-only = 仅见于清单：{ $tokens }
screen-why-legal-forms = 忽略的法律形式：{ $tokens }
screen-why-separator = ；
screen-why-score = { $parts }；得分 { $score } = 0.7 × 查询覆盖率 { $query } + 0.3 × 名称覆盖率 { $name }
screen-stale-undated = { $part }：发布日期未知（文件未载明；导入时请用 `--published DATE` 给出），无法检查其时效
screen-stale-old = { $part }：发布于 { $published }，早于 { $date } { $days } 天（超过可接受的 { $max } 天）：请用最新清单筛查（`aigov lists update`）
screen-stale-future = { $part }：发布于 { $published }，晚于 { $date }：它显示的是 { $published } 的列名情况，而非 { $date } 的

## aigov assess --screen: the screening section
screening-heading = 受限方筛查（aigov assess --screen）
screening-given = export.parties_listed 已在清单中给出，予以保留；以下命中仅供参考。
screening-set-none = export.parties_listed 设为 []（没有当事方在任何名单中达到或超过 { $threshold }）
screening-set-by = export.parties_listed 设为 [{ $values }]，依据：
screening-set = export.parties_listed 设为 [{ $values }]
screening-no-hit = { $field } “{ $query }”：无命中
screening-sets-no-fact = （不设定任何事实）
screening-hit = { $field } “{ $query }” = { $name } [{ $list } { $id }] 得分 { $score }{ $fact }
screening-licence = 许可证要求：{ $requirement }；审查政策：{ $policy }
screening-not-current = 警告：截至 { $date } 无法确认筛查名单为最新（见下方 { $count } 条警告）：export.parties_listed 可能有误
