package clean

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"bangyang/zh"
)

// Boilerplate rules classify whole lines of Chinese news portals, Baike
// pages and government sites. Patterns are matched on the Simplified form
// of a line so one rule covers both scripts. A rule that could hit prose
// is limited to short lines without a full stop: dropping a real paragraph
// is worse than keeping a stray navigation line.

// Compiled once and only read afterwards, like embedded tables.
var (
	dateRe   = regexp.MustCompile(`(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})`)
	timeRe   = regexp.MustCompile(`\d{1,2}:\d{2}`)
	sourceRe = regexp.MustCompile(`(?:來源|来源|轉自|转自|轉載自|转载自)\s*[:：]?\s*([^\s|）)】\]，,。]+)`)
	// closingSourceRe: a closing note naming where the article came from,
	// "（来源：两岸新闻网）", "本文转载自某某网", "【来源：…】".
	closingSourceRe = regexp.MustCompile(`^[（(【\[]?\s*(?:本文|文章|稿件|信息)?(?:来源|转自|转载自)\s*[:：]?\s*[^\s，,。]{2,20}\s*[）)】\]]?$`)
	editorRe        = regexp.MustCompile(`^(?:责任编辑|编辑|责编|编审|审核|校对|审校|监制)\s*[:：]`)
	authorRe        = regexp.MustCompile(`^(?:作者|记者|通讯员|撰稿|供稿|文|图|文图|图文|文字|图片|摄影|视频|文案|排版|美编)\s*[:：/ ]`)
	captionRe       = regexp.MustCompile(`(?:\s|[。,:：/])[^\s。,]{1,10}\s*摄$|^[(（]?图[为片]`)
	datelineRe      = regexp.MustCompile(`电\s*题\s*[:：]|^原标题\s*[:：]`)
	icpRe           = regexp.MustCompile(`(?i)icp\s*[备证]|许可证.{0,10}\d|公网安备`)
	contactRe       = regexp.MustCompile(`(?:热线|电话|邮箱|传真|信箱|举报|投稿|qq|微信号)[^:：。]{0,8}[:：]\s*[+\d(（a-zA-Z]`)
	subscribeRe     = regexp.MustCompile(`^订阅|发送\w+到\d{4,}|\d+元\s*/\s*月`)
	followRe        = regexp.MustCompile(`^关注.{1,16}(?:微信|微博|公众号|抖音|客户端|头条号)$`)
	copyrightRe     = regexp.MustCompile(`(?i)版权所有|all rights reserved|copyright|©|®|免责声明|版权声明`)
	trailerRe       = regexp.MustCompile(`\s*[(（](?:完|記者[^()（）]{0,30}|记者[^()（）]{0,30}|編輯[^()（）]{0,20}|编辑[^()（）]{0,20}|責編[^()（）]{0,20}|责编[^()（）]{0,20}|通訊員[^()（）]{0,30}|通讯员[^()（）]{0,30})[)）]\s*$`)
	infoFieldRe     = regexp.MustCompile(`^[•●·▪■◆]\s*([^:：]{1,12})\s*[:：]\s*(.+)$`)
	tokenSplitRe    = regexp.MustCompile(`[\s|｜]+`)
	// Portal and WeChat furniture: share-by-QR prompts, "open the app"
	// teasers, the comment counter, an opinion disclaimer, a repost
	// notice, a follow prompt, the encyclopedia's stub notice.
	qrRe         = regexp.MustCompile(`二维码|扫码|扫一扫|分享(?:至|到|给)(?:好友|朋友圈)`)
	appTeaserRe  = regexp.MustCompile(`^打开.{1,12}(?:查看|阅读|看).{0,8}$|查看(?:精彩|更多|高清)?(?:图片|大图|全文)$`)
	commentsRe   = regexp.MustCompile(`^(?:跟贴|跟帖|评论|留言)\s*\d*\s*(?:条)?\s*(?:参与\s*\d+\s*(?:人)?)?$|^\d+\s*(?:条)?(?:跟贴|跟帖|评论)`)
	standRe      = regexp.MustCompile(`^(?:特别)?声明[:：]|不代表.{0,16}(?:立场|观点)|仅代表作者(?:本人)?(?:观点)?`)
	repostRe     = regexp.MustCompile(`转载(?:请|须|需|时请|务必)(?:注明|标明)(?:来源|出处)`)
	followPrompt = regexp.MustCompile(`^(?:点击|点)(?:上方|下方|左上方|文末|蓝字|关注).{0,12}$|^(?:微信)?公众号(?:[:：].{0,20})?$|^(?:长按|识别).{0,12}关注`)
	stubRe       = regexp.MustCompile(`^本词条(?:缺少|暂无|尚未|内容|由)|词条更完整|赶紧来编辑|词条编辑服务|内容由网友共同编辑|立即前往>*$`)
	// appChromeRe: what a page copied from the WeChat or a news app
	// carries around the article.
	appChromeRe = regexp.MustCompile(`^(?:预览时标签不可点|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|微信扫一扫.{0,12}|使用小程序|知道了|取消\s*允许|喜欢此内容的人还喜欢|阅读原文|展开全文|写留言|精选留言|打开APP.{0,8}|打开.{1,8}APP.{0,8}|下载.{1,8}客户端.{0,8}|[赞在看分享收藏点赞\s]{2,12}|[-—\s]*(?i:the\s*)?(?i:end)[-—\s]*|.{0,8}(?:点个|点亮|点一下|点击)[“"]?(?:在看|赞|小红心)[”"]?.{0,4})$`)
	counterRe   = regexp.MustCompile(`^\d{1,6}$`)
	// bylineRe: "口述：…", "讲述人：…", "作者：…" — who tells the story,
	// never the title.
	bylineRe = regexp.MustCompile(`^[(（]?(?:口述|讲述|口述人|讲述人|作者|整理|文)\s*[:：｜|]`)
)

// disclaimerWords score a legal footer; three distinct ones mark a line.
var disclaimerWords = []string{"本网", "转载", "授权", "版权", "免责", "声明", "镜像", "违者", "依法", "必究",
	"不得", "追究", "法律责任", "作品", "摘编", "来源:"}

// navTerms are whole lines that are page furniture, in Simplified form.
var navTerms = map[string]bool{
	"热门推荐": true, "最新文章": true, "相关词条": true, "热门词条": true, "联络我们": true,
	"关于我们": true, "联系我们": true, "网站地图": true, "用户调查": true, "欢迎使用手机浏览": true,
	"相关阅读": true, "相关新闻": true, "相关文章": true, "推荐阅读": true, "延伸阅读": true, "热点推荐": true,
	"返回顶部": true, "返回首页": true, "上一篇": true, "下一篇": true, "打印": true, "关闭": true,
	"收藏": true, "分享": true, "纠错": true, "打印本页": true, "关闭窗口": true, "扫一扫": true,
	"网站声明": true, "广告服务": true, "服务合作": true, "广告报价": true, "联系方式": true, "免责声明": true,
	"手机版": true, "电脑版": true, "更多": true, "评论": true, "我要评论": true, "参考资料": true,
	"词条标签": true, "编辑本段": true, "目录": true,
	"举报": true, "关注我们": true, "往期推荐": true, "往期回顾": true, "相关推荐": true, "精彩推荐": true,
	"点赞": true, "在看": true, "分享至": true, "阅读原文": true,
	"首页": true, "登录": true, "注册": true, "百度首页": true,
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// proseEnd reports whether a line reads as a sentence (it contains a full
// stop or ends with clause punctuation).
func proseEnd(s string) bool {
	return strings.ContainsAny(s, "。！？") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "，")
}

// headingLike reports a short line with no sentence punctuation: a title
// or section heading.
func headingLike(s string) bool {
	n := runeLen(s)
	if n < 2 || n > 64 || strings.ContainsAny(s, "。!?！？;；") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(",，:：、", last) && strings.ContainsFunc(s, zh.IsHan)
}

// lineKind classifies one line.
type lineKind int

const (
	lineContent lineKind = iota
	lineNoise
	lineMeta // date/source line: noise whose values are kept
)

// classify decides whether a line is page furniture. l is the line, s its
// Simplified form.
func classify(l, s string) lineKind {
	n := runeLen(s)
	key := strings.TrimRight(s, ":：")
	switch {
	case navTerms[key]:
		return lineNoise
	case n <= 100 && dateRe.MatchString(s) && !strings.Contains(s, "。") &&
		(strings.Contains(s, "来源") || strings.Contains(s, "发布") || strings.Contains(s, "编辑") ||
			strings.Contains(s, "时间") || timeRe.MatchString(s)):
		return lineMeta
	case n <= 100 && !strings.Contains(s, "。") && (strings.HasPrefix(s, "来源") || strings.HasPrefix(s, "发布时间") || strings.HasPrefix(s, "本文来源") || strings.HasPrefix(s, "文章来源")):
		return lineMeta
	case n <= 30 && dateRe.MatchString(s) && isSiteDateLine(s):
		return lineMeta
	case n <= 40 && closingSourceRe.MatchString(s):
		return lineMeta
	case n <= 120 && isBreadcrumb(s):
		return lineNoise
	case n <= 30 && (strings.HasPrefix(s, "分享到") || strings.HasPrefix(s, "分享至")):
		return lineNoise
	case n <= 40 && editorRe.MatchString(s):
		return lineNoise
	case n <= 30 && authorRe.MatchString(s) && !proseEnd(s):
		return lineNoise
	case n <= 40 && captionRe.MatchString(s):
		return lineNoise
	case n <= 120 && datelineRe.MatchString(s):
		return lineNoise
	case n <= 200 && icpRe.MatchString(s):
		return lineNoise
	case n <= 200 && copyrightRe.MatchString(s) && !strings.Contains(s, "。") || n <= 40 && copyrightRe.MatchString(s):
		return lineNoise
	case disclaimerScore(s) >= 3 && (n <= 60 || disclaimerScore(s) >= 5):
		return lineNoise
	case n <= 80 && subscribeRe.MatchString(s) && strings.Contains(s, "发送"):
		return lineNoise
	case followRe.MatchString(s):
		return lineNoise
	case n <= 120 && !strings.Contains(s, "。") && contactRe.MatchString(s):
		return lineNoise
	case isFooterNav(s):
		return lineNoise
	case n <= 40 && !proseEnd(s) && (qrRe.MatchString(s) || appTeaserRe.MatchString(s) || followPrompt.MatchString(s)):
		return lineNoise
	case n <= 30 && commentsRe.MatchString(s), counterRe.MatchString(strings.TrimSpace(s)):
		return lineNoise
	case n <= 120 && standRe.MatchString(s) && (strings.HasPrefix(s, "声明") || strings.HasPrefix(s, "特别声明") || strings.Contains(s, "立场")):
		return lineNoise
	case n <= 60 && repostRe.MatchString(s), n <= 120 && stubRe.MatchString(s), n <= 30 && appChromeRe.MatchString(s):
		return lineNoise
	}
	return lineContent
}

// isSiteDateLine reports a line holding only a paper or site name and a
// date: "福州晚报 2016-11-08", "2019年12月03日 第05版".
func isSiteDateLine(s string) bool {
	rest := strings.TrimSpace(timeRe.ReplaceAllString(dateRe.ReplaceAllString(s, " "), " "))
	rest = strings.Trim(rest, "日 |｜/")
	return runeLen(rest) <= 12 && !strings.ContainsAny(rest, "。，,：:！？、") && !honourRowRe.MatchString(rest)
}

// honourRowRe is what an honour's title says of its holder: a row of an
// honours list ("2019年　无锡市优秀共产党员") is the page's text, no
// paper's name beside its date.
var honourRowRe = regexp.MustCompile(`优秀|先进|模范|标兵|红旗手|劳模|工作者|党员|代表|最美|十佳|楷模|能手|奖章|好人`)

func disclaimerScore(s string) int {
	n := 0
	for _, w := range disclaimerWords {
		if strings.Contains(s, w) {
			n++
		}
	}
	return n
}

// isBreadcrumb reports "首页 > 频道 > 正文" style lines.
func isBreadcrumb(s string) bool {
	if strings.HasPrefix(s, "您当前的位置") || strings.HasPrefix(s, "当前位置") || strings.HasPrefix(s, "您的位置") ||
		strings.HasPrefix(s, "你的位置") || strings.HasPrefix(s, "位置:") {
		return true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '>' || r == '»' || r == '›' || r == '＞' })
	if len(parts) < 2 || strings.Contains(s, "。") {
		return false
	}
	for _, p := range parts {
		if runeLen(strings.TrimSpace(p)) > 16 {
			return false
		}
	}
	return strings.HasPrefix(s, "首页") || len(parts) >= 3 || strings.HasSuffix(strings.TrimSpace(s), "正文")
}

// isFooterNav reports a row of short links: "关于我们 联系我们 网站地图".
func isFooterNav(s string) bool {
	toks := tokenSplitRe.Split(strings.TrimSpace(s), -1)
	if len(toks) < 2 || len(toks) < 3 && !strings.ContainsAny(s, "|｜") || strings.ContainsAny(s, "。,，") {
		return false
	}
	nav := 0
	for _, t := range toks {
		if runeLen(t) > 8 {
			return false
		}
		if navTerms[t] {
			nav++
		}
	}
	return nav > 0 || len(toks) >= 3 && strings.ContainsAny(s, "|｜")
}

// removeBoilerplate drops page furniture, records date, source, title and
// infobox fields in res.
func removeBoilerplate(text string, res *Result) string {
	lines := strings.Split(text, "\n")
	simp := make([]string, len(lines))
	for i, l := range lines {
		simp[i] = zh.ToSimplified(l)
	}
	joinSectionNumbers(lines, simp)
	keep := make([]bool, len(lines))
	metaAt := -1
	prose := false // a paragraph of the text seen: a closing source line after it (（来源：…）) heads no title
	for i, l := range lines {
		switch classify(l, simp[i]) {
		case lineContent:
			keep[i] = true
			prose = prose || strings.Contains(simp[i], "。") && runeLen(simp[i]) > 20
		case lineNoise:
			// A caption, or a byline naming a secretary's post ("文/图
			// 春晖社区党委书记 冯晓燕"): what it says of her is the page's.
			if runeLen(simp[i]) <= 40 && (captionRe.MatchString(simp[i]) || authorRe.MatchString(simp[i]) && strings.Contains(simp[i], "书记")) {
				res.Captions = append(res.Captions, strings.TrimSpace(l))
			}
		case lineMeta:
			if metaAt < 0 && !(prose && closingSourceRe.MatchString(simp[i])) {
				metaAt = i
			}
			takeMeta(l, res)
		}
	}
	takeInfobox(lines, keep, res)
	dropTOC(lines, keep)
	title, titleAt := findTitle(lines, keep, metaAt)
	if title != "" {
		res.Title = title
		for i := range lines {
			if lines[i] == title || (i < titleAt && keep[i] && (headingLike(lines[i]) || runeLen(lines[i]) <= 12)) {
				keep[i] = false // the title itself and site headers above it
			}
		}
	}
	dropSiteHeaders(lines, keep)
	var out []string
	for i, l := range lines {
		if !keep[i] {
			continue
		}
		if t := trailerRe.ReplaceAllStringFunc(l, keepNote); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

// keepNote is what replaces a closing credit in brackets: nothing, unless
// the brackets hold the reporter's or editor's note rather than a credit
// ("（记者手记：她去年被评为全国优秀党务工作者。）" is the article's text).
func keepNote(m string) string {
	inner := zh.ToSimplified(m)
	for _, w := range []string{"手记", "编后", "编者", "札记", "感言", "点评", "短评", "观察"} {
		if strings.Contains(inner, w) {
			return m
		}
	}
	if strings.ContainsAny(inner, "。；;！？") || strings.ContainsAny(inner, "，,") && runeLen(inner) > 20 {
		return m // a sentence, not a list of names ("（记者 张三,李四）")
	}
	return ""
}

// takeMeta records the first date and source found on a meta line.
func takeMeta(l string, res *Result) {
	if res.Date == "" {
		if m := dateRe.FindStringSubmatch(l); m != nil {
			var y, mo, d int
			if _, err := fmt.Sscanf(m[1]+" "+m[2]+" "+m[3], "%d %d %d", &y, &mo, &d); err == nil &&
				mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
				res.Date = fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
			}
		}
	}
	if res.Source == "" {
		if m := sourceRe.FindStringSubmatch(l); m != nil {
			res.Source = strings.TrimSpace(m[1])
		}
	}
}

// infoLabels are the fields of an encyclopedia's person infobox, the
// labels a page saved as text writes on lines of their own (中文名 /
// 温雅琴 / 民族 / 回族) or before the value (中文名 温雅琴).
var infoLabels = map[string]bool{}

func init() {
	for _, l := range strings.Fields("中文名 外文名 别名 性别 国籍 民族 籍贯 祖籍 出生地 出生日期 出生年月 逝世日期 " +
		"职业 职务 现任职务 工作单位 毕业院校 学历 学位 政治面貌 入党时间 参加工作时间 信仰 主要成就 " +
		"主要荣誉 获得荣誉 所获荣誉 代表作品 所属社区") {
		infoLabels[l] = true
		infoLabels[zh.ToTraditional(l)] = true
	}
}

// infoLabelLine reads a line of a text infobox: its label and, when the
// value is on the same line (中文名 温雅琴), the value.
func infoLabelLine(l string) (label, value string, ok bool) {
	t := strings.TrimSpace(strings.ReplaceAll(l, "\u3000", " "))
	if infoLabels[strings.Join(strings.Fields(t), "")] {
		return strings.Join(strings.Fields(t), ""), "", true // 国    籍
	}
	if i := strings.IndexAny(t, " \t:："); i > 0 && infoLabels[t[:i]] {
		return t[:i], strings.TrimSpace(strings.TrimLeft(t[i:], " \t:：")), true // 中文名 温雅琴, 中文名：温雅琴
	}
	return "", "", false
}

// infoPairs reads a line of several infobox fields, each a label, a
// colon and its value, apart by spaces ("中文名：龙桂英　民族：苗族"); nil
// unless every part is one of infoLabels.
func infoPairs(l string) [][2]string {
	parts := strings.Fields(strings.ReplaceAll(l, "\u3000", " "))
	if len(parts) < 2 {
		return nil
	}
	var out [][2]string
	for _, p := range parts {
		i := strings.IndexAny(p, ":：")
		if i <= 0 || !infoLabels[p[:i]] {
			return nil
		}
		v := strings.TrimLeft(p[i:], ":：")
		if v == "" {
			return nil
		}
		out = append(out, [2]string{p[:i], v})
	}
	return out
}

// reEntrySection is a line that opens the entry's text after its
// infobox: the contents, or a section's heading (人物经历, 主要事迹编辑).
var reEntrySection = regexp.MustCompile(`^(?:目录|人物经历|人物简介|个人经历|个人简介|工作经历|人物生平|生平|简介|主要事迹|人物事迹|先进事迹|人物评价|获得荣誉|所获荣誉|主要荣誉|荣誉表彰)|(?:编辑|播报)$`)

// multiValued are the infobox fields that may hold a value per line.
var multiValued = map[string]bool{"主要成就": true, "主要荣誉": true, "获得荣誉": true, "所获荣誉": true, "代表作品": true, "别名": true}

// takeTextInfobox moves an infobox saved as text — a run of lines from
// 中文名 on, each a label with its value after it on the line or on the
// lines below (主要成就 / 全国优秀党务工作者 / 陕西省三八红旗手) — into
// res.Fields, values of several lines joined by 、. The run ends at a
// line that is neither a label nor a short value, or at a second value
// line of a one-value field.
func takeTextInfobox(lines []string, keep []bool, res *Result) {
	for i := 0; i < len(lines); i++ {
		label, _, ok := infoLabelLine(lines[i])
		if !ok || !keep[i] || zh.ToSimplified(label) != "中文名" {
			continue
		}
		fields := map[string][]string{}
		var order []string
		cur := ""
		j := i
		for ; j < len(lines); j++ {
			if !keep[j] {
				continue
			}
			l := strings.TrimSpace(lines[j])
			if pairs := infoPairs(l); len(pairs) >= 2 {
				// "中文名：龙桂英　民族：苗族　主要成就：…": several fields
				// on one line.
				for _, kv := range pairs {
					if _, seen := fields[kv[0]]; !seen {
						order = append(order, kv[0])
					}
					fields[kv[0]] = append(fields[kv[0]], kv[1])
				}
				cur = ""
				keep[j] = false
				continue
			}
			if k, v, ok := infoLabelLine(l); ok {
				cur = k
				if _, seen := fields[k]; !seen {
					order = append(order, k)
				}
				if v != "" {
					fields[k] = append(fields[k], v)
					cur = "" // its value on its line: the next line is no value of it
				}
				keep[j] = false
				continue
			}
			if cur == "" || l == "" || runeLen(l) > 40 || proseEnd(l) || reEntrySection.MatchString(zh.ToSimplified(l)) ||
				len(fields[cur]) > 0 && !multiValued[zh.ToSimplified(cur)] {
				break
			}
			fields[cur] = append(fields[cur], l)
			keep[j] = false
		}
		if res.Fields == nil {
			res.Fields = map[string]string{}
		}
		for _, k := range order {
			if _, dup := res.Fields[k]; !dup && len(fields[k]) > 0 {
				res.Fields[k] = strings.Join(fields[k], "、")
			}
		}
		i = j
	}
}

// takeInfobox moves Baike-style "• key:value" lines into res.Fields and
// drops them with their header line ("基本介紹", "基本信息"); an infobox
// saved as text too (takeTextInfobox).
func takeInfobox(lines []string, keep []bool, res *Result) {
	takeTextInfobox(lines, keep, res)
	for i, l := range lines {
		m := infoFieldRe.FindStringSubmatch(l)
		if m == nil || !keep[i] || strings.ContainsAny(m[1], "「」『』“”\"") {
			continue // "◆「楼道微议事」：小事不出楼": a section's heading, a quoted name its key
		}
		if res.Fields == nil {
			res.Fields = map[string]string{}
		}
		k := strings.TrimSpace(m[1])
		if _, dup := res.Fields[k]; !dup {
			res.Fields[k] = strings.TrimSpace(m[2])
		}
		keep[i] = false
		if i > 0 && keep[i-1] && headingLike(lines[i-1]) && runeLen(lines[i-1]) <= 8 &&
			strings.HasPrefix(zh.ToSimplified(lines[i-1]), "基本") {
			keep[i-1] = false
		}
	}
}

// dropTOC removes a table-of-contents line ("人物事跡,獲得榮譽,") whose
// items are all headings found later in the page.
func dropTOC(lines []string, keep []bool) {
	heads := map[string]bool{}
	for i, l := range lines {
		if keep[i] && headingLike(l) {
			heads[l] = true
		}
	}
	for i, l := range lines {
		if !keep[i] || runeLen(l) > 80 {
			continue
		}
		items := strings.FieldsFunc(l, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
		if len(items) < 2 {
			continue
		}
		all := true
		for _, it := range items {
			if !heads[it] || it == l {
				all = false
				break
			}
		}
		if all {
			keep[i] = false
		}
	}
}

// findTitle picks the title: the heading-like line just above the date
// line, else a heading-like line repeated near the top, else the first
// kept line when it is heading-like.
func findTitle(lines []string, keep []bool, metaAt int) (string, int) {
	headingLike := func(s string) bool {
		// A subtitle ("——记…书记…") is kept as text: it may be the only
		// statement of the secretary's post.
		return headingLike(s) && !strings.HasPrefix(s, "—") && !bylineRe.MatchString(zh.ToSimplified(s))
	}
	if metaAt > 0 {
		for i := metaAt - 1; i >= 0 && i >= metaAt-2; i-- {
			if keep[i] && headingLike(lines[i]) {
				return lines[i], i
			}
		}
	}
	seen := map[string]int{}
	first := -1
	for i := 0; i < len(lines) && i < 8; i++ {
		if !keep[i] {
			continue
		}
		if first < 0 {
			first = i
		}
		if j, ok := seen[lines[i]]; ok && headingLike(lines[i]) {
			return lines[i], j
		}
		seen[lines[i]] = i
	}
	if first >= 0 && headingLike(lines[first]) {
		// A lone heading only counts as a title when prose follows it.
		for j := first + 1; j < len(lines); j++ {
			if keep[j] {
				if !headingLike(lines[j]) || j+1 < len(lines) {
					return lines[first], first
				}
				break
			}
		}
	}
	return "", -1
}

// dropSiteHeaders removes site-name lines at the very top ("思而思學網",
// "中新社四川分社正文").
func dropSiteHeaders(lines []string, keep []bool) {
	seen := 0
	for i, l := range lines {
		if !keep[i] {
			continue
		}
		seen++
		if seen > 3 {
			return
		}
		s := zh.ToSimplified(l)
		if runeLen(s) <= 12 && (strings.HasSuffix(s, "网") || strings.HasSuffix(s, "正文") || strings.HasSuffix(s, "频道")) {
			keep[i] = false
		}
	}
}

// sectionNumberRe: a WeChat section number on a line of its own ("01",
// "PART 02") above its heading.
var sectionNumberRe = regexp.MustCompile(`^(?:(?i:part)\s*)?(0[1-9])$`)

// joinSectionNumbers writes a lone section number in front of the heading
// on the next non-blank line ("01" + "老伙伴计划" → "01 老伙伴计划"), so it
// is neither dropped as a counter nor lost to the heading.
func joinSectionNumbers(lines, simp []string) {
	for i, l := range lines {
		m := sectionNumberRe.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j == len(lines) || !headingLike(strings.TrimSpace(lines[j])) {
			continue
		}
		lines[j] = m[1] + " " + strings.TrimSpace(lines[j])
		simp[j] = m[1] + " " + strings.TrimSpace(simp[j])
		lines[i], simp[i] = "", ""
	}
}

// datelineRE opens a news report's first paragraph with where it came
// from and who wrote it: 本报讯（记者 王明）, 江城网讯 记者王明报道：,
// 新华社北京5月3日电（记者王明）. It is no part of what the report says.
var datelineRE = regexp.MustCompile(`^(?:本报讯|本台讯|[\p{Han}]{1,8}?(?:网讯|報訊|报讯|網訊|台讯|臺訊)|新华社[\p{Han}]{1,6}\d{1,2}月\d{1,2}日电|新華社[\p{Han}]{1,6}\d{1,2}月\d{1,2}日電)\s*(?:[（(][^）)\n]{0,40}[）)]|(?:记者|記者)[\p{Han}\s、，,]{2,24}(?:报道|報道)[：:]?)?\s*`)

// stripDatelines drops a report's dateline from the paragraph it opens.
func stripDatelines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if loc := datelineRE.FindStringIndex(l); loc != nil && loc[1] < len(l) {
			lines[i] = l[loc[1]:]
		}
	}
	return strings.Join(lines, "\n")
}
