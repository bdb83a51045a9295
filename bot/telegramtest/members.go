package telegramtest

import (
	"sort"
	"strconv"
)

// Chat member statuses, as Telegram names them.
const (
	StatusCreator       = "creator"
	StatusAdministrator = "administrator"
	StatusMember        = "member"
	StatusRestricted    = "restricted"
	StatusLeft          = "left"
	StatusKicked        = "kicked"
)

// SetChatMember sets u's status in chat (StatusAdministrator, ...). Users
// who wrote in a chat without a status set are plain members.
func (s *Server) SetChatMember(chat Chat, u User, status string) {
	s.AddChat(chat)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[u.ID] = u
	if s.members == nil {
		s.members = map[int64]map[int64]string{}
	}
	if s.members[chat.ID] == nil {
		s.members[chat.ID] = map[int64]string{}
	}
	s.members[chat.ID][u.ID] = status
}

// KickBot removes the bot from chat (or, for a private chat, has the user
// block it): from then on every call naming the chat fails with 403, as on
// Telegram.
func (s *Server) KickBot(chat Chat) {
	s.AddChat(chat)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kicked == nil {
		s.kicked = map[int64]bool{}
	}
	s.kicked[chat.ID] = true
}

// MigrateChat upgrades a basic group to a supergroup with a new id, as
// Telegram does when a group grows or gets new settings: from then on calls
// naming the old id fail with 400 and parameters.migrate_to_chat_id.
func (s *Server) MigrateChat(old Chat, newID int64) Chat {
	sg := s.SupergroupChat(newID, old.Title, false)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.migrated == nil {
		s.migrated = map[int64]int64{}
	}
	s.migrated[old.ID] = newID
	return sg
}

// checkKicked refuses calls about chats the bot was removed from or that
// moved to a supergroup.
func (s *Server) checkKicked(method string, p map[string]string) *apiError {
	id, err := strconv.ParseInt(p["chat_id"], 10, 64)
	if err != nil || method == "getupdates" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if to := s.migrated[id]; to != 0 {
		return &apiError{code: 400, desc: "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: to}
	}
	if !s.kicked[id] {
		return nil
	}
	desc := "Forbidden: bot was kicked from the group chat"
	switch {
	case id > 0:
		desc = "Forbidden: bot was blocked by the user"
	case s.chats[id] != nil && s.chats[id].chat.Type == Supergroup:
		desc = "Forbidden: bot was kicked from the supergroup chat"
	}
	return &apiError{code: 403, desc: desc}
}

// memberJSON is a ChatMember as Telegram serialises it; administrators get
// the rights fields clients expect.
func memberJSON(u User, status string) map[string]any {
	m := map[string]any{"status": status, "user": u}
	switch status {
	case StatusCreator:
		m["is_anonymous"] = false
	case StatusAdministrator:
		m["can_be_edited"] = false
		m["is_anonymous"] = false
		m["can_manage_chat"] = true
		m["can_delete_messages"] = true
		m["can_manage_video_chats"] = true
		m["can_restrict_members"] = true
		m["can_promote_members"] = false
		m["can_change_info"] = true
		m["can_invite_users"] = true
		m["can_post_stories"] = false
		m["can_edit_stories"] = false
		m["can_delete_stories"] = false
	}
	return m
}

func (s *Server) getChatMember(p map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	uid, err := strconv.ParseInt(p["user_id"], 10, 64)
	if err != nil || uid <= 0 {
		return nil, badRequest("invalid user_id specified")
	}
	if uid == s.bot.ID {
		return memberJSON(s.bot, StatusAdministrator), nil
	}
	u, known := s.users[uid]
	status := s.members[cs.chat.ID][uid]
	switch {
	case status != "":
	case known:
		status = StatusMember
	default:
		return nil, badRequest("user not found")
	}
	return memberJSON(u, status), nil
}

func (s *Server) getChatAdministrators(p map[string]string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs, aerr := s.chatParam(p)
	if aerr != nil {
		return nil, aerr
	}
	if cs.chat.Type == Private {
		return nil, badRequest("there are no administrators in the private chat")
	}
	var ids []int64
	for id, st := range s.members[cs.chat.ID] {
		if st == StatusCreator || st == StatusAdministrator {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := []map[string]any{}
	for _, id := range ids {
		out = append(out, memberJSON(s.users[id], s.members[cs.chat.ID][id]))
	}
	return out, nil
}
