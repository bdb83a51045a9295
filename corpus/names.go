package corpus

import (
	"strings"
	"unicode"
)

// Chinese surnames, single-character, in both scripts: the common modern
// ones and the rest of the traditional lists. Many are also everyday words
// (方面, 路口, 八点钟, 向谁, 于是, 万人, 门口, 资金); those count only with
// context (see ambiguousSurnames), never from frequency alone.
const surnameChars = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許" +
	"韩韓冯馮邓鄧曹彭曾肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾鐘谭譚陆陸汪" +
	"范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬" +
	"钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳" +
	"翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛" +
	"曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆" +
	"简簡车車项項连連麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔" +
	"边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺" +
	"于門门海花年水云雲和谈談黑红紅蓝井山雪火光鱼魚丰豐伏虎鹿马羊乐樂习習" +
	"鞠郁封储儲靖芦蘆蔺藺綦逯雍訾阎閻郜晁亓隗鄂郗涂慕容钮鈕滑宦糜楚双雙" +
	"贲賁荀羿储扈冀郦酈蓬璩桓阚闞查荆荊红紅游竺权權逄盖蓋益桓公仉督岳帅帥缑緱亢况況" +
	"郈琴归歸海晋晉楚闫汝鄢涂钦欽郏郟浦尚农燕冶蒯揭厉厲戎祖武符刘景詹束龙叶幸司韶郜黎蓟薊" +
	"薄印宿白怀懷蒲邰鄂索咸籍赖賴卓蔺屠蒙池乔阴陰胥苍蒼双闻聞莘翟谭贡貢劳勞逄姬申扶堵" +
	"惠栗谌諶奚粟冼廉禹卿狄邸辜裘赫杭嵇湛茅檀昝芮仝高官南班原楼樓伊强強巴宣初敬玉银銀宾賓衣展智富尧堯练練鲜鮮战戰危修支计計相植" +
	"冉宰郦雍璩桑桂濮牛寿壽边扈燕冀浦尚农温庄晏柴瞿阎慕连茹习宦艾鱼容向古易慎戈廖庾暨衡步耿满滿弘匡国國文寇广廣禄祿阙闕欧殳沃蔚夔隆师巩厍聂晁勾敖融冷訾辛阚简饶曾毋沙乜鞠丰巢关蒯查荆红游竺权逯盖益桓公" +
	// From a top-300 list, missing before: 朴 (朴顺姬), 皮, 盘, 漆, 平, 诸, 尉,
	// 哈, 乌, 母, 闭, 豆, 位, 斯, 元, 普. 党, 利, 由, 都, 来, 干, 信, 奉, 但,
	// 於, 阿, 居 stay out: as words (党委, 利用, 由他, 来自, 干部, 奉献,
	// 居民) they stand next to 书记 far more often than as names.
	"朴皮盘盤漆平诸諸尉哈乌烏母闭閉豆位斯元普" +
	// 萧 (蕭), a surname of its own beside 肖.
	"萧蕭"

// Compound surnames, both scripts.
var compoundSurnames = []string{"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "令狐", "皇甫",
	"尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "司空", "夏侯", "东方", "東方",
	"独孤", "獨孤", "南宫", "南宮", "西门", "西門", "万俟", "萬俟", "闻人", "聞人", "轩辕", "軒轅", "端木",
	"呼延", "申屠", "澹台", "公冶", "太史", "钟离", "鍾離", "仲孙", "仲孫", "濮阳", "濮陽", "淳于", "单于",
	"單于", "赫连", "赫連", "拓跋", "百里", "东郭", "東郭", "南门", "南門", "羊舌", "微生", "梁丘", "左丘",
	"第五", "谷梁", "穀梁", "宗政", "颛孙", "顓孫", "巫马", "巫馬", "公西", "漆雕", "乐正", "樂正", "壤驷",
	"壤駟", "公良", "拓拔", "夹谷", "夾谷", "宰父", "亓官", "段干", "段幹", "闾丘", "閭丘", "子车", "子車",
	"司寇", "巴图", "呼和", "爱新", "愛新"}

// Surnames that are also everyday words (高度, 方面, 文化, 全國, 時間,
// 安全, 于是, 路口, 门口, 八点钟...). Without a role word, a profile line or
// a "她叫…" next to them they are too noisy to count.
const ambiguousSurnames = "高方文全时時安明成路向常康关關华華解应應宫宮商师師司古吉车車项項连連" +
	"麦麥宗边邊单單管包尚左甘游阳陽农農景席米池查麻苑迟遲沙荣榮桑郎丛叢虞曲谷盛苗蒙房屈艾" +
	"尤简簡费費卜冷全和仲巩鞏明江金石白田程任万萬严嚴温溫施易齐齊章申兰蘭柳梅童凌季霍涂" +
	"翁蓝藍辛靳柴祁蒲滕饶饒穆卓宁寧符纪紀毕畢岳于門门海花年水云雲谈談黑红紅井干幹山雪" +
	"火光鱼魚丰豐那伏虎鹿马馬羊乐樂习習展支郁封双雙相后後权權有归歸法汝" +
	"印宿怀懷能通别別满滿国國广廣利越隆空养養须須钟鍾鐘牛欧歐武龙龍叶葉" +
	"高官南班原楼樓伊强強巴宣初敬玉银銀宾賓衣展智富尧堯练練鲜鮮战戰危修支计計相植" +
	"朴皮盘盤漆平诸諸哈乌烏母闭閉豆位斯元普"

// Roles a community leader's name stands next to.
var leaderRoles = []string{"書記", "书记", "主任", "同志", "人大代表", "楼院长", "樓院長", "院落长", "院落長"}

// Characters that cannot be inside a person's name as the article writes
// it: role words, function words, place and organisation words, 族 (蒙古族
// 书记 is no 蒙古族 nor 古族), 院 (楼院书记 is no 楼院), and
// punctuation.
const notInName = "書书記记主任說说表示的了在是和與与等也都就把被對对從从向為为到及並并" +
	"街社區区市省县縣镇鎮村巷號号樓楼黨党委支部居會会員员說着著這这那們们個个年日時时每谁誰" +
	"已经經又还還才将將再更最很次些样樣种種让讓给給要能可不没沒她他我你族院"

type nameTables struct {
	surname   map[rune]bool
	compound  map[string]bool
	ambiguous map[rune]bool
	notInName map[rune]bool
	// whole are one article's names that the tables alone would cut: no
	// Han surname (阿依古丽·买买提, 萨仁高娃), or a given name with a
	// character that is mostly a word (梁永年, 梁有为, 梁向东), learned from
	// the post written before them or the headline (see forText): each is
	// a name only as a whole.
	whole map[string]bool
}

func newNameTables() nameTables {
	set := func(s string) map[rune]bool {
		m := map[rune]bool{}
		for _, r := range s {
			m[r] = true
		}
		return m
	}
	comp := map[string]bool{}
	for _, c := range compoundSurnames {
		comp[c] = true
	}
	return nameTables{surname: set(surnameChars), compound: comp, ambiguous: set(ambiguousSurnames), notInName: set(notInName)}
}

// surnameLen is the length in runes of the surname starting at rs[i]: 2
// for a compound surname (欧阳, 司马), 1 for a single one, 0 for none.
func (nt nameTables) surnameLen(rs []rune, i int) int {
	if nt.wholeAt(rs, i) != "" {
		return 1 // the name is only ever taken whole (namesAt)
	}
	if i+1 < len(rs) && nt.compound[string(rs[i:i+2])] {
		return 2
	}
	if i < len(rs) && nt.surname[rs[i]] {
		return 1
	}
	return 0
}

// namesAt lists the names that may start at rs[i]: a surname followed by
// one or two name-like characters.
func (nt nameTables) namesAt(rs []rune, i int) []string {
	if w := nt.wholeAt(rs, i); w != "" {
		return []string{w}
	}
	sl := nt.surnameLen(rs, i)
	if sl == 0 {
		return nil
	}
	var out []string
	for g := 1; g <= 2 && i+sl+g <= len(rs); g++ {
		if !allNameRunes(rs[i+sl:i+sl+g], nt) {
			break
		}
		if g == 1 && sl == 1 && strings.Contains(labelWords, "|"+string(rs[i:i+2])+"|") {
			return nil // "荣誉：…十佳社区书记" is a field, no one named 荣誉
		}
		out = append(out, string(rs[i:i+sl+g]))
	}
	return out
}

// labelWords are the words of a surname and one more character that a
// profile, an infobox, a caption or a script writes as a field's label
// (荣誉：…, 简历：…, 单位：…, 解说：…), or a headline's (原标题, 关键词):
// no one's name, nor the start of one.
const labelWords = "|荣誉|榮譽|荣获|榮獲|荣膺|榮膺|简介|簡介|简历|簡歷|单位|單位|时间|時間|年龄|年齡|毕业|畢業|文字|解说|解說|" +
	"原标|原標|相关|相關|关键|關鍵|通讯|通訊|成就|成果|成效|方法|"

// surnameOf returns the surname of a name (compound first).
func (nt nameTables) surnameOf(name string) string {
	if nt.whole[name] && (!nt.surname[[]rune(name)[0]] || strings.ContainsAny(name, nameDots)) {
		return "" // no surname: no 阿书记 of 阿依古丽
	}
	rs := []rune(name)
	if len(rs) >= 3 && nt.compound[string(rs[:2])] {
		return string(rs[:2])
	}
	if len(rs) >= 2 {
		return string(rs[:1])
	}
	return ""
}

func allNameRunes(rs []rune, nt nameTables) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) || nt.notInName[r] {
			return false
		}
	}
	return true
}

func hasRunesAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// wholeAt is the longest of the article's surname-less names starting at
// rs[i], or "".
func (nt nameTables) wholeAt(rs []rune, i int) string {
	best := ""
	for w := range nt.whole {
		if len(w) > len(best) && hasRunesAt(rs, i, w) {
			best = w
		}
	}
	return best
}
