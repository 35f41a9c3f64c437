package notify

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// MailFile is a parsed e-mail: the development mail list shows them, and
// tests read what the SMTP server received.
type MailFile struct {
	Name      string    `json:"name,omitempty"`
	MessageID string    `json:"message_id"`
	From      string    `json:"from"`
	To        string    `json:"to"`
	Subject   string    `json:"subject"`
	Date      time.Time `json:"date"`
	Text      string    `json:"text,omitempty"`
	HTML      string    `json:"html,omitempty"`
}

// ParseMail reads a MIME message with a text and an HTML part.
func ParseMail(raw []byte) (*MailFile, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var dec mime.WordDecoder
	header := func(name string) string {
		v := msg.Header.Get(name)
		if decoded, err := dec.DecodeHeader(v); err == nil {
			return decoded
		}
		return v
	}
	m := &MailFile{
		MessageID: strings.Trim(msg.Header.Get("Message-Id"), "<>"),
		From:      header("From"), To: header("To"), Subject: header("Subject"),
	}
	if date, err := msg.Header.Date(); err == nil {
		m.Date = date.UTC()
	}
	err = readParts(m, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	return m, err
}

func readParts(m *MailFile, contentType, encoding string, body io.Reader) error {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		media = "text/plain"
	}
	if strings.HasPrefix(media, "multipart/") {
		parts := multipart.NewReader(body, params["boundary"])
		for {
			part, err := parts.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if err := readParts(m, part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"), part); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	switch media {
	case "text/plain":
		m.Text = text
	case "text/html":
		m.HTML = text
	}
	return nil
}

var mailName = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]*\.eml$`)

// ReadMail reads one message of a mail directory; a name that is not one
// (a path, a hidden file) is os.ErrNotExist.
func ReadMail(dir, name string) (*MailFile, []byte, error) {
	if !mailName.MatchString(name) || len(name) > 200 {
		return nil, nil, os.ErrNotExist
	}
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, nil, err
	}
	m, err := ParseMail(raw)
	if err != nil {
		return nil, nil, err
	}
	m.Name = name
	return m, raw, nil
}

// ListMail returns the newest messages of a mail directory (without their
// bodies) and how many there are.
func ListMail(dir string, limit int) ([]MailFile, int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []MailFile{}, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && mailName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	out := []MailFile{}
	for _, name := range names {
		if len(out) == limit {
			break
		}
		m, _, err := ReadMail(dir, name)
		if err != nil {
			continue
		}
		m.Text, m.HTML = "", ""
		out = append(out, *m)
	}
	return out, len(names), nil
}
