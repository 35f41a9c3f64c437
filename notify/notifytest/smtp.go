// Package notifytest runs a real SMTP server inside a test, so that e-mail
// tests go through the SMTP client as production does.
package notifytest

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Raw  []byte // parse it with notify.ParseMail
}

// SMTPServer is an SMTP server on a loopback port that keeps what it
// receives and can refuse messages on demand.
type SMTPServer struct {
	// URL is the SMTP_URL that reaches the server.
	URL string
	// Addr is its host:port.
	Addr string

	mu       sync.Mutex
	received []Received
	refuse   int
	refused  int
}

// StartSMTP starts a server for the test and stops it when the test ends.
func StartSMTP(tb testing.TB) *SMTPServer {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &SMTPServer{Addr: ln.Addr().String()}
	s.URL = "smtp://" + s.Addr + "?starttls=off"
	server := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{server: s}, nil
	}))
	server.Domain = "localhost"
	server.ReadTimeout = 10 * time.Second
	server.WriteTimeout = 10 * time.Second
	server.MaxMessageBytes = 1 << 20
	server.ErrorLog = testLogger{tb}
	go func() { _ = server.Serve(ln) }()
	tb.Cleanup(func() { _ = server.Close() })
	return s
}

type testLogger struct{ tb testing.TB }

func (l testLogger) Printf(format string, v ...any) { l.tb.Logf("smtp server: "+format, v...) }
func (l testLogger) Println(v ...any)               { l.tb.Log(append([]any{"smtp server:"}, v...)...) }

// Refuse makes the server answer the next n messages with a temporary
// failure (451), as a busy or greylisting server does.
func (s *SMTPServer) Refuse(n int) {
	s.mu.Lock()
	s.refuse = n
	s.mu.Unlock()
}

// Refused counts the messages refused so far.
func (s *SMTPServer) Refused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refused
}

// Messages returns what the server accepted so far.
func (s *SMTPServer) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// To returns the messages accepted for a recipient.
func (s *SMTPServer) To(addr string) []Received {
	var out []Received
	for _, m := range s.Messages() {
		for _, to := range m.To {
			if strings.EqualFold(to, addr) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// Reset forgets the messages received.
func (s *SMTPServer) Reset() {
	s.mu.Lock()
	s.received = nil
	s.mu.Unlock()
}

type session struct {
	server *SMTPServer
	from   string
	to     []string
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

var errBusy = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	srv := s.server
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.refuse > 0 {
		srv.refuse--
		srv.refused++
		return errBusy
	}
	srv.received = append(srv.received, Received{From: s.from, To: append([]string(nil), s.to...), Raw: bytes.Clone(raw)})
	return nil
}

func (s *session) Reset() { s.from, s.to = "", nil }

func (s *session) Logout() error { return nil }

// ErrNoMessage is returned by Last when nothing arrived.
var ErrNoMessage = errors.New("notifytest: no message received")

// Last returns the last message for a recipient.
func (s *SMTPServer) Last(addr string) (*Received, error) {
	msgs := s.To(addr)
	if len(msgs) == 0 {
		return nil, ErrNoMessage
	}
	return &msgs[len(msgs)-1], nil
}
