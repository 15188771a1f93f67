# 网页应用中法规页面（出口管制、法规库、报告）的简体中文文字。此处每条消息都须在 en-US/web-law.ftl 中存在；
# 有测试检查。法规本身的文字来自法规库。

## Navigation
web-nav-export = 出口管制
web-nav-corpus = 法规
web-nav-reports = 报告

## Common
web-law-bad-date = `{ $date }` 不是日期：请按 YYYY-MM-DD 书写，例如 2026-08-02。
web-unknown = 未知

## Export controls
web-export-title = 出口管制
web-export-intro = 查看芯片在任一日期的美国出口管制分类及其自 2022 年 10 月以来的变化，并附总处理性能（TPP）与性能密度的计算过程；也可将交易方名称与本服务器存储的受限方名单进行比对筛查。
web-export-classify = 芯片分类
web-export-chip = 芯片
web-export-choose-chip = 选择芯片
web-export-classify-submit = 分类
web-export-as-of = 截至 { $date }
web-export-tpp = 总处理性能（TPP）
web-export-pd = 性能密度（每平方毫米芯片面积的 TPP）
web-export-arithmetic = 数值的计算方法
web-export-classes = 该日期的分类
web-export-not-controlled = 不受 3A090/4A090 管制
web-export-eccn = 分类
web-export-axis = 维度
web-export-status = 状态
web-export-since = 起始日期
web-export-citation = 出处
web-export-letter = 在“知情通知”信函 `{ $letter }` 中被点名：收函方将其出口至中国（含香港和澳门）或 D:5 国家组国家，或出口给总部或母公司位于上述地区的交易方，均需许可证，无论其 ECCN 为何。该信函仅约束收函方。
web-export-to-settle = 可确定未决分类的问题
web-export-timeline = 分类随时间的变化
web-export-specs = 或填写芯片规格
web-export-specs-help = 适用于目录中没有的芯片：在“吞吐量乘以位长”最高的数值格式下的峰值稠密（非稀疏）吞吐量、该格式的位长，以及用于计算性能密度的适用芯片面积。数据表中的稀疏数值须减半。
web-export-spec-name = 名称（可选）
web-export-dense-tops = 稠密 TOPS 或 TFLOPS
web-export-bit-length = 该格式的位长
web-export-die-area = 适用芯片面积（mm²）
web-export-datacenter = 是否为数据中心设计或营销？
web-export-dont-know = 我不知道
web-export-your-chip = 您的芯片
web-export-bad-number = { $field }：`{ $value }` 不是数字（例如 1979 或 989.5）。
web-export-screen = 交易方筛查
web-export-party = 交易方名称
web-export-country = 国家（ISO 代码，可选）
web-export-country-help = 两个字母，例如 CN；名单中位于该国的地址会提高得分。
web-export-screen-submit = 筛查
web-export-no-lists = 本服务器尚未导入任何受限方名单（查找位置：{ $dir }）。管理员可运行 `aigov lists update`（下载综合筛查名单和 OFAC 文件）或 `aigov lists import FILE...` 导入；设置 AIGOV_LISTS_DIR 可使用其他文件夹。
web-export-screened = “{ $name }”的筛查结果
web-export-no-hit = 没有名单中的名称得分达到 { $threshold } 或以上。
web-export-score = 得分 { $score }
web-export-alias = 匹配别名“{ $name }”
web-export-why = 得分原因
web-export-lists-used = 使用的名单
web-export-store-version = 存储版本 { $version }
web-export-not-determination = 命中或未命中都不构成合规结论：请核对名单条目本身，并保持名单为最新。

## Lifecycle events
web-event-adopted = 通过
web-event-signed = 签署
web-event-published = 公布
web-event-entered-into-force = 生效
web-event-applies-from = 开始适用
web-event-amended = 修订
web-event-revoked = 撤销
web-event-repealed = 废止
web-event-replaced = 被取代
web-event-expired = 失效
web-event-vetoed = 被否决
web-event-stayed = 被法院暂缓执行
web-event-stay-lifted = 暂缓执行解除
web-event-not-enforced = 已编纂但不执行
web-event-enforcement-resumed = 恢复执行
web-event-challenged = 受到质疑
web-event-proposed = 提出草案
web-event-withdrawn = 撤回

## The corpus
web-corpus-title = 法规
web-corpus-intro = aigov 编码的每部法律、法规和指南，附其生命周期（通过、生效、开始适用、修订、暂缓、撤销）及原始来源链接。打开任一文件可阅读其规则以及每条规则的适用条件。
web-corpus-count = 共 { $count } 部文件
web-corpus-not-binding = 无约束力
web-corpus-not-binding-long = 该文件不对任何人具有约束力（指南、规划或草案）：aigov 仅报告其内容，而非义务。
web-corpus-source = 原始来源
web-corpus-source-label = 原始来源
web-corpus-rules = { $count } 条规则
web-corpus-lifecycle = 生命周期
web-corpus-back = 该法域的全部文件
web-corpus-citation = 出处
web-corpus-issuer = 发布机关
web-corpus-detail = 条款与说明
web-corpus-addresses = 适用对象：{ $subject }
web-corpus-until = 截至 { $date }
web-corpus-provision = 条款原文
web-corpus-version-from = 自 { $date } 起施行的文本
web-corpus-amended-by = 经以下文件修订：
web-corpus-when = 适用条件
web-corpus-cel = 条件原文（CEL）
web-corpus-except = 例外情形
web-corpus-by = 由

## Conditions
web-cond-all = 同时满足以下全部：
web-cond-any = 至少满足以下之一：
web-cond-not = 不满足以下：
web-cond-always = 始终适用（无条件）
web-cond-rule = 规则“{ $title }”适用
web-cond-expression = 计算：
web-cond-yes = 是
web-cond-no = 否
web-cond-includes = 包含 { $value }
web-cond-includes-any = 包含 { $values } 中任一项
web-cond-includes-all = 包含 { $values } 全部
web-cond-one-of = 为 { $values } 之一
web-cond-known = 已回答（任何答案）

## What changed in the law
web-changes-title = 法律的变化
web-changes-from = 起（不含）
web-changes-to = 止（含）
web-changes-jurisdiction-help = 可选：EU、US、US-CA、CN……（国家包含其下属州）。
web-changes-heading = { $from } 之后至 { $to } 的变化
web-changes-none = 这两个日期之间法律没有变化。
web-changes-began = { $count } 条规则开始适用
web-changes-amended = 文本修订
web-changes-ended = { $count } 条规则停止适用

## Reports
web-report-pdf = 下载 PDF
web-report-print = 也可打印本页：打印版式不含菜单。
web-report-pdf-english = PDF 为英文版：其标准字体不含中文字符，且 aigov 未附带中文字体。如需中文报告，请打印本页。
web-report-subjects = 各对象的报告
web-report-link = 可打印报告（HTML、PDF）
