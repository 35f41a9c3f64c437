package notify

import (
	"context"
	"crypto/tls"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/entraide/entraide/config"
)

// Message is one e-mail ready to go.
type Message struct {
	ID      string // Message-ID, without angle brackets
	From    string
	To      string
	Subject string
	Text    string
	HTML    string
	Date    time.Time
}

// Sender delivers messages. Send returns once the message is accepted
// (by the SMTP server, or on disk).
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// build turns a message into MIME: multipart/alternative with the plain
// text first and the HTML second.
func build(m *Message) (*mail.Msg, error) {
	msg := mail.NewMsg(mail.WithNoDefaultUserAgent())
	if err := msg.From(m.From); err != nil {
		return nil, fmt.Errorf("from address: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("recipient address: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.ID)
	msg.SetDateWithValue(m.Date)
	// Tell vacation responders not to answer.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(mail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(mail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// SMTPSender sends over SMTP, one connection per message.
type SMTPSender struct {
	client *mail.Client
}

// NewSMTPSender builds a sender for the server of SMTP_URL.
func NewSMTPSender(cfg config.SMTP, timeout time.Duration) (*SMTPSender, error) {
	opts := []mail.Option{
		mail.WithPort(cfg.Port),
		mail.WithTimeout(timeout),
		mail.WithTLSConfig(&tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12}),
	}
	switch {
	case cfg.ImplicitTLS:
		opts = append(opts, mail.WithSSL())
	case cfg.StartTLS == "required":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	case cfg.StartTLS == "off":
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	}
	if cfg.Username != "" {
		// The strongest mechanism the server offers; go-mail refuses to
		// send a password in clear text except to localhost.
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(cfg.Username), mail.WithPassword(cfg.Password))
	}
	client, err := mail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp client: %w", err)
	}
	return &SMTPSender{client: client}, nil
}

// Send delivers one message.
func (s *SMTPSender) Send(ctx context.Context, m *Message) error {
	msg, err := build(m)
	if err != nil {
		return err
	}
	return s.client.DialAndSendWithContext(ctx, msg)
}

// MailDir is where development e-mails are written.
func MailDir(dataDir string) string { return filepath.Join(dataDir, "mail") }

// DirSender writes each message as an .eml file, for development.
type DirSender struct {
	dir string
}

// NewDirSender writes messages under dir, created (mode 0700) with the
// first message.
func NewDirSender(dir string) (*DirSender, error) {
	return &DirSender{dir: dir}, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// Send writes the message under a name that sorts by date; the file
// appears whole (written aside, then renamed).
func (d *DirSender) Send(_ context.Context, m *Message) error {
	msg, err := build(m)
	if err != nil {
		return err
	}
	local, _, _ := strings.Cut(m.ID, "@")
	name := m.Date.UTC().Format("20060102T150405.000Z") + "-" + unsafeName.ReplaceAllString(local, "_") + ".eml"
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return fmt.Errorf("create mail directory: %w", err)
	}
	tmp, err := os.CreateTemp(d.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := msg.WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(d.dir, name))
}

// NewSender picks the sender of a configuration: SMTP when smtpURL is set,
// else .eml files under dataDir/mail. It names where mail goes, for the log.
func NewSender(smtpURL, dataDir string) (Sender, string, error) {
	if smtpURL == "" {
		dir := MailDir(dataDir)
		sender, err := NewDirSender(dir)
		return sender, "files under " + dir, err
	}
	cfg, err := config.ParseSMTPURL(smtpURL)
	if err != nil {
		return nil, "", err
	}
	sender, err := NewSMTPSender(cfg, 30*time.Second)
	return sender, fmt.Sprintf("SMTP %s:%d", cfg.Host, cfg.Port), err
}
