package bot

import (
	"fmt"

	"bangyang/transport"
	"bangyang/zh"
)

// User-facing sentences, in Simplified and Traditional. Users see these
// short sentences; logs get the full errors.

func pick(script zh.Script, hans, hant string) string {
	return script.Pick(hans, hant)
}

func msgInternalError(script zh.Script) string {
	return pick(script, "抱歉，处理这条消息时出了问题，请稍后再试。", "抱歉，處理這條消息時出了問題，請稍後再試。")
}

func msgAnswerFailed(script zh.Script) string { return transport.MsgAnswerFailed(script) }

func msgNotAllowed(script zh.Script) string {
	return pick(script, "抱歉，本机器人仅对授权的用户和群组开放。", "抱歉，本機器人僅對授權的用戶和群組開放。")
}

func msgTextOnly(script zh.Script) string {
	return pick(script, "请用文字提问，例如：社区书记怎样做好入户走访？", "請用文字提問，例如：社區書記怎樣做好入戶走訪？")
}

func msgRateLimited(script zh.Script, wait int) string {
	return pick(script,
		fmt.Sprintf("提问有点频繁，请约 %d 秒后再试。", wait),
		fmt.Sprintf("提問有點頻繁，請約 %d 秒後再試。", wait))
}

func msgDeferred(script zh.Script, wait int) string {
	return pick(script,
		fmt.Sprintf("提问有点频繁：这个问题约 %d 秒后回答，请稍候。", wait),
		fmt.Sprintf("提問有點頻繁：這個問題約 %d 秒後回答，請稍候。", wait))
}

func msgTooLong(script zh.Script, n, limit int) string { return transport.MsgTooLong(script, n, limit) }

func msgAskUsage(script zh.Script) string { return transport.MsgAskUsage(script) }

func msgSourcesExpired(script zh.Script) string {
	return pick(script, "这条回答的来源已过期，请发送 /sources 查看最近一次回答的来源。", "這條回答的來源已過期，請發送 /sources 查看最近一次回答的來源。")
}

func msgButtonNotHere(script zh.Script) string {
	return pick(script, "这个按钮不能在这里使用。", "這個按鈕不能在這裡使用。")
}

func msgThanks(script zh.Script) string {
	return pick(script, "谢谢反馈！", "謝謝反饋！")
}

func msgAdminOnly(script zh.Script) string { return transport.MsgAdminOnly(script) }
