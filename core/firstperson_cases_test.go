package core

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// First-person facts: in an interview the guest's answers (her labelled
// line and the paragraphs after it, up to the next question), in a speech
// or self-told column its speaker's narration, are hers; the
// interviewer's questions, a resident quoted (“我今年82岁了”) and a
// reporter's own 我 are not. Over the class fixtures 40 and 51-55.
func TestFirstPersonFactsAreTheSpeakers(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	cases := []struct {
		q       string
		want    []string // each in the answer
		not     []string // none in the answer
		refused bool
	}{
		// 51: 记者：/name： interview.
		{q: "高秋菊哪年到社区工作的？", want: []string{"2011年到湘钢社区"}, not: []string{"优秀党务工作者", "工作人员"}},
		{q: "高秋菊以前是做什么的？", want: []string{"工会当干事"}},
		{q: "高秋菊为什么当社区书记？", want: []string{"离家近"}},
		{q: "高秋菊是哪里人？", want: []string{"攸县"}},
		{q: "高秋菊获得过什么荣誉？", want: []string{"湖南省优秀党务工作者"}, not: []string{"当选党委书记", "老年友好型社区"}},
		{q: "高秋菊今年多大？", not: []string{"82岁"}, refused: true},
		{q: "高秋菊的家庭情况？", want: []string{"我爱人在外地跑运输"}},
		{q: "高秋菊的社区有多少户？", want: []string{"2860户"}},
		{q: "湘钢社区有多少户？", want: []string{"2860户"}, not: []string{"2011年"}}, // 我们社区 is 湘钢社区
		{q: "寿春路社区有多少户？", want: []string{"3100多户"}},
		// 52: Markdown bold 问：/答：, answers over several paragraphs.
		{q: "唐慧玲以前是做什么的？", want: []string{"小学数学老师"}},
		{q: "唐慧玲的家庭情况？", want: []string{"我爱人是医生"}},
		{q: "唐慧玲多大年纪？", not: []string{"五十年"}, refused: true},
		{q: "唐慧玲的社区有多少工作人员？", want: []string{"14名"}},
		// Why she took the work, told nowhere: said so, not answered with
		// whatever shares a word.
		{q: "唐慧玲为什么当社区书记？", want: []string{"资料中没有提到"}, refused: true},
		// A count asked in 年: the sentences counting years, whichever ranks first.
		{q: "唐慧玲在社区工作多少年了？", want: []string{"十多年"}, not: []string{"14名"}},
		// 53: self-told column.
		{q: "蒋玉梅今年多大？", want: []string{"49岁"}, not: []string{"78岁"}},
		{q: "蒋玉梅是哪里人？", want: []string{"六安"}},
		{q: "蒋玉梅以前是做什么的？", want: []string{"商场"}},
		{q: "蒋玉梅为什么到社区工作？", want: []string{"我辞了商场的工作来考", "我想的是"}},
		// 54: her own speech, a resident quoted in it.
		{q: "邓丽萍今年多大？", want: []string{"46岁"}, not: []string{"87岁"}},
		{q: "邓丽萍的家庭情况？", want: []string{"我爱人也是党员"}, not: []string{"深圳"}},
		{q: "邓丽萍的社区有多少户？", want: []string{"2400多户"}},
		// 55: Traditional, only the questions labelled.
		{q: "谢美君以前是做什么的？", want: []string{"外贸公司"}},
		{q: "谢美君在社区工作多久了？", want: []string{"2010年进社区"}},
		{q: "谢美君的社区有多少户？", want: []string{"1900多户"}},
		// 27: the households in words (三千多户), in her answer.
		{q: "严玉华的社区有多少户？", want: []string{"三千多户"}},
		// A story told from an answer goes on past the next question, never
		// showing it (52); a difficulty she was asked about: her answer (26).
		{q: "唐慧玲遇到过什么困难？", want: []string{"院落自治会"}},
		{q: "高秋菊遇到过什么困难？", want: []string{"筒子楼的改造"}},
		{q: "潘丽华遇到过什么困难？", want: []string{"老房子的改造"}},
		{q: "严玉华遇到过什么困难？", want: []string{"和事佬工作室"}},
		{q: "付春兰刚到社区时遇到什么难题？", want: []string{"老楼没人管", "物业管理委员会"}},
		// 40 and 30: an age and an honour in an answer.
		{q: "潘丽华今年多大？", want: []string{"52岁"}},
		{q: "骆桂芬获得过什么荣誉？", want: []string{"四川省优秀共产党员"}},
	}
	for _, c := range cases {
		a, err := s.Answer(context.Background(), Request{Chat: "fp-" + c.q, Question: c.q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		bad := a.Refused != c.refused
		for _, w := range c.want {
			bad = bad || !strings.Contains(a.Text, w)
		}
		for _, w := range append(c.not, "记者：", "问：", "主持人：", "記者：") {
			bad = bad || strings.Contains(a.Text, w)
		}
		if bad {
			t.Errorf("%s (want %q, not %q, refused %v) answered (refused %v):\n%s", c.q, c.want, c.not, c.refused, a.Refused, a.Text)
		}
	}
}

// TestVoices reads whose words sentences are: the guest's labelled answer
// and the unlabelled paragraph after it, the interviewer's question, and
// a 我 inside a resident's quotation or in a reporter's lead.
func TestVoices(t *testing.T) {
	t.Parallel()
	s := serviceOverDir(t, "../corpus/testdata/genre-classes")
	find := func(sub string) sentRef {
		t.Helper()
		for _, cs := range s.byArticle {
			for _, c := range cs {
				for _, r := range s.sentences(c) {
					if strings.Contains(r.norm, sub) {
						return r
					}
				}
			}
		}
		t.Fatalf("no sentence holds %q", sub)
		return sentRef{}
	}
	for _, c := range []struct {
		sub, voice string
		me         bool // a 我 of hers
	}{
		{"您是哪一年到湘钢社区工作的", askerVoice, false},
		{"我是2011年到湘钢社区的", "高秋菊", true},
		{"那时候我女儿刚上小学", "高秋菊", true}, // an answer's second paragraph
		{"我注意到社区里有不少院落", askerVoice, false},
		{"当老师那几年", "唐慧玲", true},
		{"拦住我说", "蒋玉梅", true},
		{"我见到谢美君的时候", "", false}, // the reporter's lead
		{"之前我在厦门一家外贸公司", "谢美君", true},
		{"我和赵桂兰同志共事了整整八年", "陈立新", false}, // a colleague's speech
	} {
		r := find(c.sub)
		leader := s.sentenceLeader(r)
		if got := s.voiceOf(r); got != c.voice {
			t.Errorf("voiceOf(%s) = %q, want %q", c.sub, got, c.voice)
		}
		if got := s.meIsHers(r, leader); got != c.me {
			t.Errorf("meIsHers(%s, %s) = %v, want %v", c.sub, leader, got, c.me)
		}
	}
	// A draft quoting a question (any plan's) shows the answer instead,
	// once; a question left with nothing to give way to goes.
	p := &planner{s: s, used: map[string]bool{}}
	q, ans := find("您是哪一年到湘钢社区工作的"), find("我是2011年到湘钢社区的")
	d := &draft{items: []item{{quote: q}, {quote: ans}, {quote: find("为什么愿意来社区")}}}
	p.withoutAsked(d)
	if len(d.items) != 2 || d.items[0].quote.key() != ans.key() || !strings.Contains(d.items[1].quote.norm, "离家近") {
		var got []string
		for _, it := range d.items {
			got = append(got, it.quote.norm)
		}
		t.Errorf("withoutAsked kept %q", got)
	}
	// Her own words, without those she quotes.
	if got := ownWords("胡奶奶拉着我的手说：“我今年87岁了。”"); strings.Contains(got, "87") {
		t.Errorf("ownWords kept the quotation: %q", got)
	}
}

// TestTwoGuestsEachHerOwn: in an interview of two secretaries each
// answer, its unlabelled paragraphs too, is its speaker's — her family,
// her community's households — and a question both answer gives each
// her own answer.
func TestTwoGuestsEachHerOwn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := "两位社区书记谈老小区\n2024-06-01 来源：滨江日报\n" +
		"本期访谈嘉宾：滨江市东湖街道桃园社区党委书记林晓红、滨江市东湖街道柳岸社区党委书记周建华。\n" +
		"主持人：两位书记，先请林书记说说，您是哪一年到社区的？\n" +
		"林晓红：我是2008年到桃园社区的，之前在一家银行做柜员。\n" +
		"那几年我女儿还小，我爱人在外地工作，家里全靠我婆婆帮忙。\n" +
		"主持人：周书记呢？\n" +
		"周建华：我是2015年从部队转业到柳岸社区的。\n" +
		"那时候我儿子刚上小学，我爱人一个人在老家照顾老人。\n" +
		"主持人：两个社区各有多少户？\n" +
		"林晓红：我们桃园社区有1800多户。\n" +
		"周建华：我们柳岸社区有2600户。\n"
	if err := os.WriteFile(filepath.Join(dir, "two.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s := serviceOverDir(t, dir)
	for q, c := range map[string]struct{ want, not string }{
		"林晓红的家庭情况？":   {"我婆婆帮忙", "我儿子"},
		"周建华的家庭情况？":   {"我儿子刚上小学", "婆婆"},
		"林晓红的社区有多少户？": {"1800多户", "2600户"},
		"周建华的社区有多少户？": {"2600户", "1800多户"},
	} {
		a, err := s.Answer(context.Background(), Request{Chat: "two-" + q, Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, c.want) || strings.Contains(a.Text, c.not) || strings.Contains(a.Text, "主持人") {
			t.Errorf("%s (want %s, not %s):\n%s", q, c.want, c.not, a.Text)
		}
	}
}

// TestBylineOverAThirdPersonReport: an author given over a report told in
// the third person (front matter author: a reporter) does not make the
// narration anyone's words: her quotation in it is still hers, a
// resident's is not.
func TestBylineOverAThirdPersonReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := "---\ntitle: 老巷里的书记\nleader: 方秀英\nauthor: 记者 刘波\n---\n" +
		"方秀英是南湖街道桂花社区党委书记。\n" +
		"“我今年53岁了，在社区干了二十二年。”方秀英笑着说。\n" +
		"“我今年86岁了，天天来社区食堂吃饭。”住在5栋的王大爷说。\n"
	if err := os.WriteFile(filepath.Join(dir, "fang.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s := serviceOverDir(t, dir)
	a, err := s.Answer(context.Background(), Request{Chat: "byline", Question: "方秀英今年多大？"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "53岁") || strings.Contains(a.Text, "86岁") {
		t.Errorf("her quoted age, not the resident's:\n%s", a.Text)
	}
}

// TestUnlabelledInterviewAndSelfIntroduction: a WeChat interview whose
// questions are lines of their own with no label (the bold lost), each
// answered in the first person on the next line; and a column with no
// credit line whose narration has her say who she is (我叫…): her 我 is
// hers, a resident's quoted 我 is not, and no question is quoted.
func TestUnlabelledInterviewAndSelfIntroduction(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"wei.md": "# 访谈｜韦春燕：在老街坊中间过日子\n\n> 来源：邕城社区　2024-09-12\n\n" +
			"南宁市青秀区新竹街道竹园社区党委书记韦春燕，在社区一干就是十二年。\n\n" +
			"**您是哪一年来到竹园社区的？**\n\n我是2012年来的。之前我在一家超市当店长，干了七年。\n\n" +
			"**为什么会选择社区工作？**\n\n因为我父母就住在竹园，我想离他们近一点，也想为老邻居做点事。\n\n" +
			"**社区现在有多少户居民？**\n\n我们社区有2100多户，其中一半是老住户。\n",
		"lan.txt": "社区书记说｜蓝秀梅：在老楼里当“管家”\n2024-10-08 来源：邕州晚报\n" +
			"编者按：本期请朝阳社区党委书记蓝秀梅讲讲她的社区。\n" +
			"我叫蓝秀梅，是南宁市兴宁区民生街道朝阳社区党委书记，今年51岁。\n" +
			"楼里的李阿姨常拉着我说：“我今年80岁了，就怕一个人在家摔倒。”\n" +
			"我们给独居老人装了一键呼叫器，一按就有网格员上门。\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := serviceOverDir(t, dir)
	for q, c := range map[string]struct{ want, not string }{
		"韦春燕为什么到社区工作？": {"我想离他们近一点", "为什么会选择"},
		"韦春燕以前是做什么的？":  {"超市当店长", "您是"},
		"蓝秀梅今年多大？":     {"51岁", "80岁"},
	} {
		a, err := s.Answer(context.Background(), Request{Chat: "bare-" + q, Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, c.want) || strings.Contains(a.Text, c.not) {
			t.Errorf("%s (want %s, not %s):\n%s", q, c.want, c.not, a.Text)
		}
	}
}

// TestQuestionAboutOthersIsNotHers: an interviewer asking where the
// residents come from is not asking her hometown; asking what she did
// before (之前是做什么的？, no 您) is asking her.
func TestQuestionAboutOthersIsNotHers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := "对话｜莫丽君：城中村里的新社区\n2024-05-06 来源：柳江日报\n" +
		"【嘉宾简介】莫丽君，柳州市柳北区雀儿山街道白沙社区党委书记。\n" +
		"记者：社区里的居民大多是哪里人？\n" +
		"莫丽君：大多是从广西各县来柳州打工的，也有不少从湖南过来的。\n" +
		"记者：之前是做什么的？\n" +
		"莫丽君：在一家汽配厂做了十年质检员。\n"
	if err := os.WriteFile(filepath.Join(dir, "mo.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s := serviceOverDir(t, dir)
	a, err := s.Answer(context.Background(), Request{Chat: "mo1", Question: "莫丽君是哪里人？"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Refused || strings.Contains(a.Text, "湖南") {
		t.Errorf("the residents' origins given as hers:\n%s", a.Text)
	}
	a, err = s.Answer(context.Background(), Request{Chat: "mo2", Question: "莫丽君以前是做什么的？"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Refused || !strings.Contains(a.Text, "质检员") {
		t.Errorf("her former job, asked with no 您, not given:\n%s", a.Text)
	}
}
