package clean

import "regexp"

// pinyinAnnotation matches the "(qū)" a gateway glued after characters:
// lower-case letters with at least one tone mark. Real parentheses such as
// "(下)", "(社區)", "(5元/月)", "(完)" never match.
var pinyinAnnotation = regexp.MustCompile(`\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)`)

// removePinyin deletes pinyin annotations; it repeats so nested ones
// ("網格(小區(qū))") fall away inside out. The regexp is compiled once
// and only read, like an embedded table.
func removePinyin(s string) string {
	for {
		t := pinyinAnnotation.ReplaceAllString(s, "")
		if t == s {
			return t
		}
		s = t
	}
}

// gatewayPinyin lists the characters the gateway annotated across the seed
// articles, pinyin:characters. Repair looks up a character split by an
// annotation here when the article itself never annotates it.
const gatewayPinyin = `biāo:標 bào:報 chuàng:創 chéng:誠 chǎn:產 chǔ:儲礎 cái:財 diào:調 diǎn:點
duì:對隊 dá:達 dòng:動 dān:擔 dāng:當 dǎo:導 fù:負 fā:發 fēng:風 guò:過 guó:國 guān:關 guī:規
gè:個 gòu:構 huán:環 huì:會 hào:號 hù:護 jià:價 jié:節結 jiān:堅 jì:濟紀計 jìn:進 jí:級 jù:據
jī:機 jīng:經 jǐn:謹 kuò:擴 lián:聯 luò:絡 lái:來 lè:樂 lì:勵 lǐng:領 nèi:內 nóng:農 píng:評
qiáng:強 quán:權 qū:區 qǐng:請 rèn:認 shè:設 shì:勢 shí:實時識 shù:數術 tuán:團 tài:態 tái:臺
tǒng:統 wèi:衛 wèn:問 wù:務 wěn:穩 wǎng:網 xiàn:獻現 xiàng:項 xié:協 xiāng:鄉 xué:學 xì:細
xí:習 xù:續 xùn:訓 yàn:驗 yáng:揚陽 yè:業 yíng:營 yù:譽 yùn:運 yīng:應 yōu:優 yǎng:養
zhuǎn:轉 zhàn:戰 zhì:質 zhǎng:長 zé:責 zāi:災 ài:愛`
