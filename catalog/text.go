package catalog

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bangyang/corpus"
	"bangyang/zh"
)

// patternFold maps the Traditional forms of the characters used in the
// extraction vocabulary (suffixes, honour markers, role words) to
// Simplified. zh.ToSimplified does the real conversion; this table only
// guarantees that the patterns still fire when zh leaves a character
// unconverted (Simplified characters pass through unchanged). It must keep
// one rune per rune so positions in normalised text map back to the original.
var patternFold = map[rune]rune{
	'機': '机', '聯': '联', '動': '动', '務': '务', '單': '单', '調': '调', '議': '议', '廳': '厅',
	'會': '会', '驛': '驿', '懇': '恳', '記': '记', '書': '书', '課': '课', '黨': '党', '區': '区',
	'員': '员', '隊': '队', '願': '愿', '號': '号', '訪': '访', '開': '开', '鏈': '链', '網': '网',
	'節': '节', '實': '实', '總': '总', '結': '结', '組': '组', '織': '织', '辦': '办', '長': '长',
	'樓': '楼', '鄰': '邻', '陽': '阳', '鮮': '鲜', '離': '离', '譽': '誉', '稱': '称', '頭': '头',
	'銜': '衔', '榮': '荣', '優': '优', '紅': '红', '勞': '劳', '範': '范', '進': '进', '標': '标',
	'幗': '帼', '崗': '岗', '類': '类', '級': '级', '構': '构', '雙': '双', '為': '为', '與': '与',
	'處': '处', '專': '专', '熱': '热', '愛': '爱', '幫': '帮', '學': '学', '習': '习', '講': '讲',
	'說': '说', '認': '认', '領': '领', '導': '导', '傳': '传', '鄉': '乡', '縣': '县', '國': '国',
	'選': '选', '這': '这', '們': '们', '個': '个', '將': '将', '對': '对', '當': '当', '從': '从',
	'裡': '里', '於': '于', '時': '时', '後': '后', '兩': '两', '萬': '万', '鎮': '镇', '聽': '听',
	'問': '问', '勸': '劝', '體': '体', '戶': '户', '達': '达', '協': '协', '綜': '综', '統': '统',
	'環': '环', '衛': '卫', '產': '产', '業': '业', '廣': '广', '東': '东', '莊': '庄', '溫': '温',
	'間': '间', '義': '义', '齊': '齐', '舉': '举', '發': '发', '創': '创', '啟': '启', '設': '设',
	'飛': '飞', '評': '评', '談': '谈', '點': '点', '陣': '阵', '營': '营', '園': '园', '圖': '图',
	'館': '馆', '橋': '桥', '場': '场', '灣': '湾', '連': '连', '關': '关', '懷': '怀', '貼': '贴',
	'圍': '围', '屆': '届', '屬': '属', '鳳': '凤', '龍': '龙', '華': '华', '陳': '陈', '劉': '刘',
	'張': '张', '吳': '吴', '趙': '赵', '孫': '孙', '楊': '杨', '黃': '黄', '鄭': '郑', '馬': '马',
	'馮': '冯', '許': '许', '鄧': '邓', '蕭': '萧', '韓': '韩', '葉': '叶', '盧': '卢', '蔣': '蒋',
	'蘇': '苏', '賀': '贺', '顧': '顾', '鍾': '钟', '鐘': '钟', '錢': '钱', '湯': '汤', '羅': '罗',
	'蘭': '兰', '亞': '亚', '穩': '稳', '團': '团', '職': '职', '態': '态', '擔': '担', '據': '据',
}

// norm is the matching form of s: zh.ToSimplified, the pattern fold, and
// punctuation folded to the forms the patterns expect. It keeps one rune
// per input rune whenever zh.ToSimplified does, so that spans found in the
// normalised text can be cut from the original.
func norm(s string) string {
	s = zh.ToSimplified(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if f, ok := patternFold[r]; ok {
		return f
	}
	switch r {
	case '「', '『', '〝', '＂':
		return '“'
	case '」', '』', '〞':
		return '”'
	case '，':
		return ','
	case '：':
		return ':'
	case '！':
		return '!'
	case '？':
		return '?'
	case '（':
		return '('
	case '）':
		return ')'
	case '；':
		return ';'
	case '＋':
		return '+'
	case '\u00a0', '\u3000', '\t':
		return ' '
	}
	return r
}

// key is the lookup key of a name: normalised, with quotes, spaces and
// separators removed, so that “三社”联动 and 三社联动 collide.
func key(s string) string { return keyOfNorm(norm(s)) }

// keyOfNorm is key for text already normalised.
func keyOfNorm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '“' || r == '”' || r == '‘' || r == '’' || r == '"' || r == '\'' || r == '、' || r == '《' || r == '》':
		case unicode.IsSpace(r):
		case r == '·' || r == '•' || r == '*': // ** of a bold label in Markdown
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// sentence is one sentence of an article with its matching form.
type sentence struct {
	text    string // original script, trimmed
	norm    string // norm(text)
	key     string // key(text), for mention search
	aligned bool   // text and norm have the same rune count
	chunkID string
	seq     int  // position in the article, from 0
	para    int  // paragraph index in the article, from 0
	heading bool // the sentence is a heading line of its own
	// mark is the list number opening it in its line ("②" of "…；②建档：…")
	// that corpus.Sentences leaves out of a sentence run on in its line.
	mark string
}

// isHeadingLine: a short line without sentence-final punctuation, a
// section title such as 仁和家訪破難題 or 一、基層黨建,始終以民為本.
func isHeadingLine(s string) bool {
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	t := strings.TrimRight(s, "”’」』）)】》\"' ")
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '…', ':', '：', ',', '，':
		return false
	}
	return t != ""
}

// splitSentences is the corpus' splitter, so catalog sentences are the
// sentences chunks, answers and quizzes see.
func splitSentences(text string) []string { return corpus.Sentences(text) }

// cleanDisplay trims a sentence for display: whitespace and stray leading
// punctuation.
func cleanDisplay(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ",、:;，：；")
	return strings.TrimSpace(s)
}

// rePinyin matches tone-marked pinyin glued after characters by the source
// site's converter (社區(qū)). corpus/clean removes it; the catalog removes it
// again so that a name never carries it, whatever cleaning the chunks had.
var rePinyin = regexp.MustCompile(`[(?][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)`)

func stripPinyin(s string) string {
	if !strings.Contains(s, ")") {
		return s
	}
	return rePinyin.ReplaceAllString(s, "")
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
