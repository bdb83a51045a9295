package bot

// Records that last: /record (a member's own) and /board (the chat's
// standings this week, this month or over all time).

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bangyang/core"
	"bangyang/transport"
	"bangyang/zh"
)

// maxBoardRows is how many members /board lists.
const maxBoardRows = 20

func cmdRecord(ctx context.Context, r *Request) error {
	b := r.Bot
	st, rank, _, found, err := b.train.tr.MemberRecord(ctx, r.Conv, strconv.FormatInt(r.UserID, 10))
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if !found {
		r.Reply(ctx, pick(r.Script, "你在这里还没有培训记录。参加一次 /train 培训后再来看看。", "你在這裡還沒有培訓記錄。參加一次 /train 培訓後再來看看。"))
		return nil
	}
	r.ReplyHTML(ctx, recordHTML(st, rank, r.Script), nil)
	return nil
}

func recordHTML(st core.Standing, rank int, script zh.Script) string {
	acc := int(st.Accuracy()*100 + 0.5)
	head := pick(script, "📒 我的培训记录", "📒 我的培訓記錄")
	body := pick(script,
		fmt.Sprintf("参加 %d 场，作答 %d 题，答对 %d 题，正确率 %d%%，积分 %d，本群排名第 %d。", st.Sessions, st.Answered, st.Right, acc, st.Points, rank),
		fmt.Sprintf("參加 %d 場，作答 %d 題，答對 %d 題，正確率 %d%%，積分 %d，本群排名第 %d。", st.Sessions, st.Answered, st.Right, acc, st.Points, rank))
	if !st.Last.IsZero() {
		body += "\n" + pick(script, "最近一次：", "最近一次：") + st.Last.Local().Format(time.DateOnly)
	}
	note := pick(script, fmt.Sprintf("积分：答对一题 %d 分，每作答一题 %d 分。", core.PointsRight, core.PointsAnswer),
		fmt.Sprintf("積分：答對一題 %d 分，每作答一題 %d 分。", core.PointsRight, core.PointsAnswer))
	return "<b>" + escapeHTML(head) + "</b>\n" + escapeHTML(body) + "\n<i>" + escapeHTML(note) + "</i>"
}

func cmdBoard(ctx context.Context, r *Request) error {
	b := r.Bot
	since, hans, hant, ok := transport.BoardPeriod(r.Args, b.now())
	if !ok {
		r.Reply(ctx, pick(r.Script, "用法：/board [本周|本月|全部]", "用法：/board [本週|本月|全部]"))
		return nil
	}
	board, err := b.train.tr.Board(ctx, r.Conv, since)
	if err != nil {
		return fmt.Errorf("board: %w", err)
	}
	period := pick(r.Script, hans, hant)
	head := pick(r.Script, "🏆 培训积分榜（"+period+"）", "🏆 培訓積分榜（"+period+"）")
	if len(board) == 0 {
		r.Reply(ctx, head+"\n"+pick(r.Script, "这段时间还没有培训记录。", "這段時間還沒有培訓記錄。"))
		return nil
	}
	blocks := []block{wrapBlock("", head, "<b>", "</b>")}
	for i, st := range board {
		if i == maxBoardRows {
			blocks = append(blocks, textBlock("\n", pick(r.Script, fmt.Sprintf("……共 %d 人", len(board)), fmt.Sprintf("……共 %d 人", len(board)))))
			break
		}
		name := clip(strings.Join(strings.Fields(st.Name), " "), 40)
		if name == "" {
			name = pick(r.Script, "匿名用户", "匿名用戶")
		}
		acc := int(st.Accuracy()*100 + 0.5)
		line := pick(r.Script,
			fmt.Sprintf("%d. %s %d 分 · 正确率 %d%% · %d 场", i+1, name, st.Points, acc, st.Sessions),
			fmt.Sprintf("%d. %s %d 分 · 正確率 %d%% · %d 場", i+1, name, st.Points, acc, st.Sessions))
		blocks = append(blocks, textBlock("\n", line))
	}
	b.replyHTML(ctx, r, pack(blocks, packTarget), nil)
	return nil
}
