package transport

import (
	"fmt"

	"bangyang/zh"
)

// The sentences every transport says, in Simplified and Traditional.
// Users see these; logs get the full errors.

// Pick chooses the Traditional or the Simplified form.
func Pick(script zh.Script, hans, hant string) string { return script.Pick(hans, hant) }

// MsgAnswerFailed: a command or answer failed (the log has why).
func MsgAnswerFailed(script zh.Script) string {
	return Pick(script, "抱歉，暂时无法回答，请稍后再试。", "抱歉，暫時無法回答，請稍後再試。")
}

// MsgTooLong refuses a question of n characters over limit.
func MsgTooLong(script zh.Script, n, limit int) string {
	return Pick(script,
		fmt.Sprintf("问题太长了（%d 字），请精简到 %d 字以内。", n, limit),
		fmt.Sprintf("問題太長了（%d 字），請精簡到 %d 字以內。", n, limit))
}

// MsgAskUsage: /ask without a question.
func MsgAskUsage(script zh.Script) string {
	return Pick(script, "用法：/ask 问题，例如 /ask 社区书记怎样化解邻里矛盾？", "用法：/ask 問題，例如 /ask 社區書記怎樣化解鄰里矛盾？")
}

// MsgReset confirms /reset.
func MsgReset(script zh.Script) string {
	return Pick(script, "好的，已清空本对话的记录。", "好的，已清空本對話的記錄。")
}

// MsgNoSources: /sources before any answer.
func MsgNoSources(script zh.Script) string {
	return Pick(script, "还没有可查看的来源：先问一个问题吧。", "還沒有可查看的來源：先問一個問題吧。")
}

// MsgAdminOnly refuses an admin command to anyone else.
func MsgAdminOnly(script zh.Script) string {
	return Pick(script, "这个命令仅限管理员使用。", "這個命令僅限管理員使用。")
}

// MsgCatalogEmpty: the articles gave no methods or leaders.
func MsgCatalogEmpty(script zh.Script) string {
	return Pick(script, "资料中还没有整理出工作方法和人物。", "資料中還沒有整理出工作方法和人物。")
}

// MsgTelegramOnly: a command only the Telegram transport has.
func MsgTelegramOnly(script zh.Script, name string) string {
	return Pick(script,
		fmt.Sprintf("/%s 只能在 Telegram 中使用。", name),
		fmt.Sprintf("/%s 只能在 Telegram 中使用。", name))
}

// MsgEmptyQuestion: a question with nothing to search for.
func MsgEmptyQuestion(script zh.Script) string {
	return Pick(script, "请输入具体的问题。", "請輸入具體的問題。")
}
