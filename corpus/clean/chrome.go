package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"bangyang/zh"
)

// Page chrome of two families of sites the genre is published on, each a
// named step of the pipeline: encyclopedia pages (Baike and its mirrors)
// and government / Party-building sites. Rules match the Simplified form
// of a line, so one rule covers both scripts. Like the boilerplate rules,
// a rule that could hit prose only fires on short lines without a full
// stop.

var (
	// refMarkerRe: an article's own reference markers, [1], [4-5], [2,3],
	// [注1], and the 引用日期 stamp of a reference list. They would
	// otherwise reach the answer's citation renumbering as if they were
	// ours.
	refMarkerRe = regexp.MustCompile(`[\[［]\s*(?:注|註)?\s*\d{1,3}(?:\s*[-–—,，、]\s*\d{1,3})*\s*[\]］]|\[(?:引用日期|引用日期:|引用日期：)[^\]]{0,24}\]`)
	// numberedItemRe: a numbered line of a contents block or a reference
	// list: "1 人物经历", "2.1 早年", "3. 某某．新华网．2019-06-28".
	numberedItemRe = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,2})?\s*[.．、)]?\s*|[▪•·]\s*)\S`)
	// homonymItemRe: one entry of a 同名词条 / 义项 list, a name with its
	// disambiguation in brackets: 欧阳红梅（中国内地女演员）.
	homonymItemRe = regexp.MustCompile(`^[^\s（(，。,:：]{1,12}(?:[（(][^）)]{1,40}[）)]|[:：][^。]{1,40})$`)
	// wikiStatRe: the statistics sidebar and edit furniture of an entry.
	wikiStatRe = regexp.MustCompile(`^(?:词条统计|浏览次数|编辑次数|最近更新|突出贡献榜|词条创建者|词条贡献者|本词条由|本词条认证|百科用户|历史版本|词条标签|义项名|这是一个多义词|多义词|如您发现|百度百科内容由网友共同编辑)`)

	// fontSizeRe: 【字体：大 中 小】, 字号：[大 中 小], [字体:大中小].
	fontSizeRe = regexp.MustCompile(`[【\[]?\s*(?:字体|字号|文字)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小\s*[】\]]?\s*[】\]]?`)
	// pageToolRe: 【打印本页】【关闭窗口】[收藏] and the like.
	pageToolRe = regexp.MustCompile(`[【\[]\s*(?:打印本页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|加入收藏|返回顶部|返回|纠错|我要纠错|分享|推荐|保存本页)\s*[】\]]`)
	// siteFooterRe: the footer of a government site: 主办/承办/协办/
	// 网站标识码/技术支持/维护单位.
	siteFooterRe = regexp.MustCompile(`^(?:主办|承办|协办|主管|网站标识码|技术支持|维护|运维|网站维护|网站主办|主办单位|承办单位|主管单位|政府网站标识码)`)
	// openInfoRe: the metadata table of a government 信息公开 page.
	openInfoRe = regexp.MustCompile(`^(?:索引号|发布机构|发文机关|成文日期|主题分类|信息分类|公开方式|公开范围|有效性|文号)\s*[:：]`)
	// prevNextRe: 上一篇：… 下一篇：… 上一条 下一条.
	prevNextRe = regexp.MustCompile(`^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上一版|下一版|往期回顾)`)
	// scanRe: 扫一扫在手机打开当前页, 手机扫描二维码.
	scanRe = regexp.MustCompile(`^(?:扫一扫|扫描二维码|手机扫码|用手机扫|微信扫一扫|长按识别|长按二维码|识别二维码)`)
	// bracketEditorRe: a whole line 【责任编辑：陈思】, (责编:王欣).
	bracketEditorRe = regexp.MustCompile(`^[*_\s]*[【\[（(]\s*(?:责任编辑|编辑|责编|审核|校对|编审)\s*[:：][^】\]）)]{0,30}[】\]）)][*_\s]*$`)
	// creditRe: "（海曙区委组织部 供稿）", "*（通讯员 宋佳 供稿，转载请注明出处）*".
	creditRe = regexp.MustCompile(`^[*_\s]*[（(][^（()）]{0,40}(?:供稿|转载请注明|来稿)[^（()）]{0,30}[）)][*_\s]*$`)
)

// wikiToolWords are the buttons of an encyclopedia entry; a line made only
// of them is furniture ("编辑 锁定 讨论 上传视频", "展开收起").
var wikiToolWords = []string{"上传视频", "编辑", "播报", "锁定", "讨论", "收藏", "分享", "展开", "收起",
	"全部", "查看", "更多", "本词条", "审核", "特色词条", "听百科", "赞"}

// linkListHeads open a list of links to other pages.
var linkListHeads = map[string]bool{
	"相关新闻": true, "相关链接": true, "相关阅读": true, "相关文章": true, "相关报道": true, "相关稿件": true,
	"延伸阅读": true, "推荐阅读": true, "热门推荐": true, "热点推荐": true, "热点新闻": true, "热门文章": true,
	"最新文章": true, "最新新闻": true, "更多新闻": true, "猜你喜欢": true, "精彩推荐": true, "今日推荐": true,
	"相关词条": true, "热门词条": true, "友情链接": true, "图片新闻": true, "往期回顾": true,
	"往期推荐": true, "往期精选": true, "精彩回顾": true, "热文推荐": true, "更多精彩": true, "推荐文章": true,
	"相关推荐": true,
}

// onlyToolWords reports a line consisting solely of wikiToolWords.
func onlyToolWords(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return false
	}
	for s != "" {
		found := false
		for _, w := range wikiToolWords {
			if strings.HasPrefix(s, w) {
				s = s[len(w):]
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// trimToolSuffix removes 编辑/播报 buttons glued to a section heading
// ("人物经历编辑播报" → "人物经历"). Only the pair or 播报 alone is taken:
// a heading ending in 编辑 alone may be a job title.
func trimToolSuffix(l, s string) string {
	if runeLen(s) > 24 || strings.ContainsAny(s, "。！？，,") {
		return l
	}
	for _, suf := range []string{"编辑播报", "播报编辑", "播报", "編輯播報", "播報編輯", "播報"} {
		if strings.HasSuffix(l, suf) && runeLen(l) > runeLen(suf)+1 {
			return strings.TrimSpace(strings.TrimSuffix(l, suf))
		}
	}
	return l
}

// removeEncyclopedia is the encyclopedia step: reference markers inline;
// edit buttons; the 同名词条 list with the other people it names; the
// contents block (目录 and its numbered items); the reference list (参考资料
// and its entries); the statistics sidebar (词条统计, 浏览次数, 编辑次数…).
func removeEncyclopedia(text string) string {
	if strings.ContainsAny(text, "[［") {
		text = refMarkerRe.ReplaceAllString(text, "")
	}
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	// block is the list being dropped: its items continue it.
	const (
		none = iota
		homonyms
		contents
		references
		stats
	)
	block := none
	for _, l := range lines {
		s := zh.ToSimplified(strings.TrimSpace(l))
		key := strings.TrimRight(s, ":：")
		short := runeLen(s) <= 80 && !strings.Contains(s, "。")
		switch {
		case key == "同名词条" || strings.HasPrefix(s, "这是一个多义词") || strings.HasPrefix(s, "多义词"):
			block = homonyms
			continue
		case key == "目录":
			block = contents
			continue
		case key == "参考资料" || key == "参考文献" || key == "参考来源" || key == "注释":
			block = references
			continue
		case key == "词条统计":
			block = stats
			continue
		}
		switch block {
		case homonyms:
			if homonymItemRe.MatchString(s) || onlyToolWords(s) {
				continue
			}
		case contents:
			if short && numberedItemRe.MatchString(s) && runeLen(s) <= 24 {
				continue
			}
		case references:
			if short && (numberedItemRe.MatchString(s) || strings.Contains(s, "引用日期")) {
				continue
			}
		case stats:
			if short && runeLen(s) <= 40 {
				continue
			}
		}
		block = none
		if onlyToolWords(s) || short && runeLen(s) <= 40 && wikiStatRe.MatchString(s) {
			continue
		}
		if l = trimToolSuffix(l, s); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// removeGovSite is the government-site step: 【字体：大 中 小】 and
// 【打印本页】【关闭窗口】 buttons inline; the 扫一扫 QR line; 上一篇/下一篇;
// the 主办/承办/网站标识码 footer; bracketed editor and 供稿 credit lines;
// and lists of links to other pages under 相关新闻/相关链接/热门推荐….
func removeGovSite(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	inList := false
	for i, l := range lines {
		s := zh.ToSimplified(l)
		if !strings.ContainsAny(s, "【[大") {
			// no button: skip the regexps
		} else if t := pageToolRe.ReplaceAllString(fontSizeRe.ReplaceAllString(s, ""), ""); t != s {
			if !strings.ContainsFunc(t, zh.IsHan) && !hasDigit(t) {
				continue // the line was only buttons
			}
			l = removeSpans(l, s)
			s = zh.ToSimplified(l)
		}
		n := runeLen(s)
		short := n <= 120 && !strings.Contains(s, "。")
		key := strings.TrimRight(strings.TrimSpace(s), ":：")
		switch {
		case linkListHeads[key] || short && n <= 16 && linkListHeads[strings.TrimLeft(key, "·•▪>》 ")]:
			inList = true
			continue
		case inList && isLinkItem(s) && !headsProse(lines, i):
			continue
		}
		inList = false
		switch {
		case short && scanRe.MatchString(s), short && prevNextRe.MatchString(s),
			short && siteFooterRe.MatchString(s), short && openInfoRe.MatchString(s),
			bracketEditorRe.MatchString(s), creditRe.MatchString(s):
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// removeSpans deletes the button spans from l, using s (the Simplified
// form, same rune count) to find them.
func removeSpans(l, s string) string {
	ls, ss := []rune(l), []rune(s)
	if len(ls) != len(ss) {
		return pageToolRe.ReplaceAllString(fontSizeRe.ReplaceAllString(l, ""), "")
	}
	drop := make([]bool, len(ss))
	for _, re := range []*regexp.Regexp{fontSizeRe, pageToolRe} {
		for _, m := range re.FindAllStringIndex(s, -1) {
			a := utf8.RuneCountInString(s[:m[0]])
			b := a + utf8.RuneCountInString(s[m[0]:m[1]])
			for k := a; k < b; k++ {
				drop[k] = true
			}
		}
	}
	var b strings.Builder
	for k, r := range ls {
		if !drop[k] {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// isLinkItem reports a line that reads as the title of another page: short,
// no sentence punctuation, optionally bulleted and dated.
func isLinkItem(s string) bool {
	s = strings.TrimLeft(s, "·•▪-*> ")
	s = strings.TrimSpace(dateRe.ReplaceAllString(s, ""))
	n := runeLen(s)
	return n >= 4 && n <= 40 && !strings.ContainsAny(s, "。！？；;") && strings.ContainsFunc(s, zh.IsHan)
}

// headsProse reports whether line i is followed by a paragraph: then it is
// a section heading of the article, not a link.
func headsProse(lines []string, i int) bool {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		return runeLen(lines[j]) > 40 && strings.ContainsAny(lines[j], "。！？")
	}
	return false
}

// repairMojibake is the mojibake step: a line of UTF-8 text that was read
// as GBK ("绀惧尯涔﹁鐨勪竴澶") is turned back when its GBK bytes are valid
// UTF-8 Han text, and dropped when the bytes were truncated so the
// original cannot be recovered whole. Real Chinese text almost never
// encodes to valid multi-byte UTF-8 over several characters, so ordinary
// lines are left alone.
func repairMojibake(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	enc := simplifiedchinese.GBK.NewEncoder()
	for _, l := range lines {
		fixed, ok := unMojibake(l, enc.String)
		switch {
		case !ok:
			out = append(out, l)
		case fixed != "":
			out = append(out, fixed)
		}
	}
	return strings.Join(out, "\n")
}

// unMojibake reports whether l is mojibake: its GBK bytes read mostly as
// UTF-8 Han characters. fixed is the recovered text, "" when the bytes do
// not decode whole (a byte was lost or mangled): then the line cannot be
// recovered and is dropped rather than guessed.
func unMojibake(l string, encode func(string) (string, error)) (fixed string, ok bool) {
	core := strings.TrimRight(l, "\uFFFD?")
	if zh.HanCount(core) < 4 {
		return "", false
	}
	b, err := encode(core)
	if err != nil || b == core {
		return "", false
	}
	han, hanBytes := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRuneInString(b[i:])
		if size > 1 && zh.IsHan(r) {
			han++
			hanBytes += size
		}
		i += size
	}
	if han < 3 || hanBytes*10 < len(b)*6 {
		return "", false
	}
	if core != l || !utf8.ValidString(b) {
		return "", true
	}
	return b, true
}
