package transport

// Feature is what a command needs from the service; a transport offers a
// command only when it has that part (the bot: WithCatalog, WithTrainer,
// WithStats).
type Feature string

// Features.
const (
	Always   Feature = ""
	Catalog  Feature = "catalog"
	Training Feature = "training"
	Stats    Feature = "stats"
	Articles Feature = "articles"
	Library  Feature = "library" // adding and removing articles from the chat
)

// Spec is one command of the table every transport serves.
type Spec struct {
	Name      string // without the slash: [a-z0-9_]{1,32}
	Zh, En    string // menu descriptions (Telegram's setMyCommands; /help shows Zh)
	Usage     string // shown by /help, e.g. "/ask 问题"; default "/Name"
	Hidden    bool   // not announced in the menu
	AdminOnly bool
	Feature   Feature
	// Telegram: the command needs what only the Telegram transport has
	// (scheduled posts into a group); other transports
	// answer it with a short sentence saying so.
	Telegram bool
	// Run is the transport-neutral handler. Nil when every transport runs
	// the command its own way (/ask streams; training drives polls in
	// Telegram and a typed quiz in the terminal). A transport may replace
	// a handler with a richer one of its own (the bot's paged lists with
	// buttons), never add a command that is not in the table.
	Run Handler
}

// Usage line of a spec for /help.
func (s Spec) UsageLine() string {
	if s.Usage != "" {
		return s.Usage
	}
	return "/" + s.Name
}

// Commands is the command table, in menu order. Adding a command is one
// entry here (and, for a Telegram-only one, its handler in bot/); the
// bot refuses to register a command missing from it, and the tests check
// that every transport serves every entry.
func Commands() []Spec {
	return []Spec{
		{Name: "ask", Zh: "提问：/ask 问题", En: "Ask a question about the articles", Usage: "/ask 问题"},
		{Name: "sources", Zh: "查看上一个回答引用的原文", En: "Show the passages behind the last answer", Run: Sources},
		{Name: "reset", Zh: "清空对话记录，重新开始", En: "Forget this conversation", Run: Reset},
		{Name: "help", Zh: "使用说明", En: "How to use this bot", Run: Help},
		{Name: "start", Zh: "开始", En: "Start", Hidden: true, Run: Help},

		{Name: "methods", Zh: "工作方法目录（按书记分页浏览）", En: "Browse the work methods, secretary by secretary", Feature: Catalog, Run: Methods},
		{Name: "method", Zh: "某个工作方法的总结：/method 名称", En: "Summary of a work method: /method NAME", Usage: "/method 名称", Feature: Catalog, Run: Method},
		{Name: "leaders", Zh: "书记名录", En: "List the community Party secretaries", Feature: Catalog, Run: Leaders},
		{Name: "leader", Zh: "某位书记的简介：/leader 姓名", En: "Profile of a secretary: /leader NAME", Usage: "/leader 姓名", Feature: Catalog, Run: Leader},

		{Name: "train", Zh: "开始培训答题：/train [题数] [主题]", En: "Start a quiz training session", Usage: "/train [题数] [主题]", Feature: Training},
		{Name: "score", Zh: "查看培训得分", En: "Show the training scores", Feature: Training},
		{Name: "stop", Zh: "提前结束培训并公布排行榜", En: "End the training session early", Feature: Training},
		{Name: "case", Zh: "案例讨论：/case [主题]", En: "Discuss a real case from the articles", Usage: "/case [主题]", Feature: Training},
		{Name: "reveal", Zh: "公布案例中书记的做法", En: "Reveal how the secretary handled the case", Feature: Training},
		{Name: "daily", Zh: "每日一题：/daily HH:MM [主题]，/daily off 取消（管理员）", En: "Post one question a day: /daily HH:MM [topic]", Usage: "/daily HH:MM [主题]", Feature: Training, Telegram: true},
		{Name: "lesson", Zh: "学习课：方法介绍+三道小测+案例讨论：/lesson 方法或书记", En: "A lesson: summary, 3-question quiz, then a case", Usage: "/lesson 方法或书记", Feature: Training},
		{Name: "record", Zh: "我的培训记录（参加场次、正确率、积分）", En: "My training record", Feature: Training},
		{Name: "board", Zh: "本群培训积分榜：/board [本周|本月|全部]", En: "The group's training standings", Usage: "/board [本周|本月|全部]", Feature: Training},

		// Hidden: the menu is the same for everyone, and only admins may use it.
		{Name: "stats", Zh: "使用统计（仅管理员）", En: "Usage statistics (admins)", Hidden: true, AdminOnly: true, Feature: Stats, Run: StatsCommand},
		{Name: "articles", Zh: "资料文章列表（仅管理员）", En: "The articles being served (admins)", Hidden: true, AdminOnly: true, Feature: Articles, Run: ArticlesCommand},
		// Files come as Telegram documents; /add and /remove confirm with
		// Telegram buttons. The terminal's operators use the corpus folder.
		{Name: "add", Zh: "添加网页文章（仅管理员）：/add 网址", En: "Add a web article (admins): /add URL", Usage: "/add 网址", Hidden: true, AdminOnly: true, Feature: Library, Telegram: true},
		{Name: "remove", Zh: "删除添加的文章（仅管理员）：/remove 编号", En: "Remove an added article (admins): /remove ID", Usage: "/remove 编号", Hidden: true, AdminOnly: true, Feature: Library, Telegram: true},
	}
}

// Lookup finds a command of the table by name.
func Lookup(name string) (Spec, bool) {
	for _, s := range Commands() {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}
