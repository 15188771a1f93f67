# 网页应用的中文用语（简体中文，中国大陆）。此处每条消息都必须在 en-US/web.ftl 中存在；测试会检查。
# 法律本身的文字（标题、摘要、引文、问题）来自语料库。

## Page chrome
web-app-name = aigov
web-skip-link = 跳到主要内容
web-nav-label = 主导航
web-nav-home = 首页
web-nav-assess = 问卷
web-nav-inventory = 清单
web-lang-switch = English
web-lang-switch-label = 语言：
web-signed-in-as = 已登录：{ $name }（{ $role }）
web-sign-out = 退出登录
web-sign-in = 登录
web-footer = aigov 回答哪些人工智能规则适用、在哪里适用、自哪一天起适用以及原因，每个答案都附有引文。本工具不构成法律意见。
web-role-viewer = 查看者
web-role-editor = 编辑者
web-role-admin = 管理员

## Home
web-home-title = 适用什么、何时适用、为何适用
web-home-intro = 按照任一日期的法律评估人工智能系统、模型、机构用例、数据中心项目或芯片出口，并维护贵组织所运行系统的清单。
web-home-assess = 开始问卷
web-home-inventory = 打开清单

## Sign-in
web-signin-title = 登录
web-signin-intro = 使用 aigov 令牌登录。管理员可用 { $viewer }（只读）或 { $editor }（读取和修改）创建令牌。
web-signin-token = 令牌
web-signin-submit = 登录
web-signin-failed = 该令牌未知或已被撤销。
web-signout-done = 您已退出登录。

## Errors
web-error-title = 出现问题
web-error-not-found = 此处没有页面。
web-error-forbidden = 您的令牌角色（{ $role }）无法执行此操作；需要{ $need }角色。
web-error-csrf = 该请求来自本站页面之外，已被拒绝。请重新加载页面后再试。
web-error-bad-request = 无法读取该请求：{ $detail }
web-error-internal = 服务器未能作答，错误已记录。
web-error-back = 返回首页

## Common words
web-as-of = 截至日期
web-as-of-help = 按哪一天的法律作答（YYYY-MM-DD）。
web-apply = 应用
web-jurisdiction = 法域
web-tier = 等级
web-owner = 负责人
web-tag = 标签
web-any = 全部
web-none = 无
web-undetermined = 待定
web-prohibited = 禁止
web-undetermined-count = 另有 { $count } 条规则待定；回答问题即可确定。
web-applies-from = 自 { $date } 起适用
web-in-effect-since = 自 { $date } 起生效
web-previous = 上一页
web-next = 下一页
web-page-of = 第 { $page } 页，共 { $pages } 页

## Questionnaire
web-assess-title = 问卷
web-assess-intro = 选择要评估的对象。系统只会提出能确定尚无法判定之规则的问题；“不知道”也是一种回答，相关规则将保持待定。
web-assess-kind = 您要评估什么？
web-assess-start = 开始
web-assess-manifest = 或从清单文件开始（YAML 或 JSON）
web-assess-manifest-start = 评估此清单文件
web-assess-question = 问题
web-assess-settles = 可确定 { $count } 条规则
web-assess-answer = 回答
web-assess-yes = 是
web-assess-no = 否
web-assess-unknown = 不知道
web-assess-done = 已没有能确定规则的问题。
web-assess-skipped = 保持未知：{ $facts }
web-assess-result = 评估结果
web-assess-name = 名称
web-assess-save = 保存到清单
web-assess-saved = 已保存为 { $id }。
web-assess-save-needs-editor = 保存到清单需要编辑者令牌；请向管理员申请。
web-assess-restart = 重新开始
web-assess-answered = 已回答 { $count } 个问题
web-assess-updated = 评估已更新：{ $classes } 项分类，{ $prohibitions } 项禁止性规定，{ $duties } 项义务，另有 { $undetermined } 条规则待定。
web-assess-invalid = 该回答不符合要求：{ $detail }

## Assessment
web-classification = 分类
web-no-classification = 没有适用的分类。
web-prohibitions = 禁止性规定
web-no-prohibitions = 没有适用的禁止性规定。
web-duties = 义务
web-no-duties = 没有适用的义务。
web-other = 其他规则
web-open-questions = 待回答的问题
web-no-open-questions = 所有规则均已确定。
web-citation = 引文
web-source = 原始来源
web-amended-by = 经 { $by } 修订（文本自 { $date } 起生效）
web-derivation = 推导过程
web-truth-true = 成立
web-truth-false = 不成立
web-truth-unknown = 未知
web-op-and = 全部满足
web-op-or = 任一满足
web-op-not = 非
web-kind-ai_system = 人工智能系统
web-kind-model = 人工智能模型，特别是通用人工智能模型
web-kind-agency_use_case = 美国联邦机构对人工智能的使用
web-kind-datacenter_project = 数据中心项目
web-kind-item = 受出口管制的实物或技术
web-kind-export = 一次出口、再出口或境内转让
web-kind-data_transfer = 一次从中国大陆向境外提供数据（数据出境）
web-penalty = 处罚
web-status = 状态

## Inventory
web-inventory-title = 清单
web-inventory-count = { $count } 个对象
web-inventory-empty = 清单为空。请从问卷保存一个对象。
web-inventory-filter = 筛选
web-inventory-sort = 排序方式
web-inventory-sort-deadline = 最近的期限
web-inventory-sort-name = 名称
web-inventory-name = 对象
web-inventory-classifications = 分类
web-inventory-next-deadline = 下一个期限
web-inventory-questions = 待回答的问题

## Subject
web-subject-title = { $name }
web-subject-diff = 两个日期之间的变化
web-subject-diff-from = 从
web-subject-diff-to = 到
web-subject-diff-statuses = { $from } → { $to }
web-subject-diff-none = 这两个日期之间没有变化。
web-subject-timeline = 时间线
web-subject-calendar = 日历（.ics）
web-subject-map = 美国各州地图
web-subject-history = 版本历史
web-subject-version = 版本
web-subject-written = 写入时间
web-subject-by = 写入者
