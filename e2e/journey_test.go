package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

const password = "correct horse battery staple"

var emailCounter atomic.Int64

func newEmail(prefix string) string {
	return fmt.Sprintf("%s-%d-%d@example.org", prefix, time.Now().UnixNano(), emailCounter.Add(1))
}

// TestVolunteerJourneyWithoutJavaScript walks the account flows with
// scripts off: every one must work with plain links and forms.
func TestVolunteerJourneyWithoutJavaScript(t *testing.T) {
	s := startSite(t)
	tb := openTab(t, s, tabOptions{noScript: true})
	email := newEmail("nojs")

	tb.open("/")
	tb.expectPage("/", "Trouvez une mission de bénévolat")

	// Sign up.
	tb.click(`nav a[href="/signup"]`)
	tb.expectPage("/signup", "Créer un compte")
	if find(tb.document(), isRevealButton) != nil {
		t.Fatal("app.js ran: scripts are not disabled")
	}
	tb.fill("#f-name", "Amina Benali")
	tb.fill("#f-email", email)
	tb.fill("#f-password", "short")
	tb.click(`main form button[type=submit]`)
	if title := tb.title(); !strings.HasPrefix(title, "Erreur : ") {
		t.Errorf("refused form's title %q does not name the error", title)
	}
	tb.expectText("Il y a un problème", "Le mot de passe doit faire au moins 10 caractères.")
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPage("/me?notice=welcome", "Mon espace")
	tb.expectText("Bienvenue", "Compléter mon profil")

	// Log out, log in.
	tb.click(`nav form[action="/logout"] button`)
	tb.expectPage("/?notice=logged_out", "Trouvez une mission de bénévolat")
	tb.expectText("Vous êtes déconnecté·e.")
	tb.click(`nav a[href="/login"]`)
	tb.fill("#f-email", email)
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPage("/me?notice=logged_in", "Mon espace")

	// Switch to English: the account keeps the choice.
	tb.click(`.lang-switch button`)
	tb.expectPage("/me", "My space")
	tb.click(`nav a[href="/account"]`)
	tb.expectPage("/account", "My account")
	tb.expectText(email)

	// Change the name.
	tb.fill("#f-name", "Amina B.")
	tb.click(`form[action="/account"] button[type=submit]`)
	tb.expectPage("/account?notice=saved", "My account")
	tb.expectText("Your changes are saved.")
	if name := attr(find(tb.document(), byID("f-name")), "value"); name != "Amina B." {
		t.Errorf("the name field shows %q", name)
	}

	// Download my data.
	export := tb.download(`a[href="/account/export"]`)
	var data struct {
		Account struct{ Email, Name, Language string }
	}
	if err := json.Unmarshal(export, &data); err != nil {
		t.Fatalf("export: %v: %.300s", err, export)
	}
	if data.Account.Email != email || data.Account.Name != "Amina B." || data.Account.Language != "en" {
		t.Errorf("export holds %+v", data.Account)
	}

	// Delete the account, after the confirmation step.
	tb.click(`a[href="/account/delete"]`)
	tb.expectPage("/account/delete", "Delete your account?")
	tb.click(`form[action="/account/delete"] button[type=submit]`)
	tb.expectPage("/?notice=deleted", "Find a volunteering mission")
	tb.expectText("Your account is deleted.")

	// The account is gone.
	tb.open("/login")
	tb.fill("#f-email", email)
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectText("Incorrect e-mail or password.")
	if title := tb.title(); !strings.HasPrefix(title, "Error: ") {
		t.Errorf("title %q", title)
	}
}

// TestSignupWithKeyboardOnly signs up with Tab, typing and Enter only,
// checking on the way that the skip link comes first and that every stop
// shows where the focus is.
func TestSignupWithKeyboardOnly(t *testing.T) {
	s := startSite(t)
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()
	email := newEmail("keyboard")

	tb.open("/")
	tb.press("\t")
	if focused := tb.focused(); focused.Class != "skip" || !focused.Visible {
		t.Fatalf("first Tab stop is %+v, want the visible skip link", focused)
	}
	tb.tabTo(func(f focus) bool { return f.Href == "/signup" })
	tb.andWait(chromedp.KeyEvent("\r"))
	tb.expectPage("/signup", "Créer un compte")
	if find(tb.document(), isRevealButton) == nil {
		t.Error("app.js did not add the show-password button")
	}

	typed := map[string]string{"f-name": "Jules Keyboard", "f-email": email, "f-password": password}
	reached := map[string]bool{}
	for stops := 0; ; stops++ {
		if stops > 40 {
			t.Fatalf("never reached the submit button; reached %v", reached)
		}
		tb.press("\t")
		f := tb.focused()
		if f.Tag == "BUTTON" && f.Type == "submit" && f.InMain {
			break
		}
		reached[f.ID] = true
		if !f.Outlined {
			t.Errorf("focus on <%s id=%q> is not visible", f.Tag, f.ID)
		}
		if text, ok := typed[f.ID]; ok {
			tb.do(chromedp.KeyEvent(text))
		}
	}
	for _, id := range []string{"f-role", "f-name", "f-email", "f-password"} {
		if !reached[id] {
			t.Errorf("Tab never reached #%s", id)
		}
	}
	tb.andWait(chromedp.KeyEvent("\r"))
	tb.expectPage("/me?notice=welcome", "Mon espace")
	tb.open("/account")
	tb.expectText(email)
	if name := attr(find(tb.document(), byID("f-name")), "value"); name != "Jules Keyboard" {
		t.Errorf("the name field shows %q", name)
	}
	for _, p := range problems.all() {
		t.Error(p)
	}
}

// focus describes the focused element.
type focus struct {
	Tag, ID, Class, Type, Href string
	InMain, Visible, Outlined  bool
}

// focused reads the focused element; Outlined tells that it shows a focus
// indicator (an outline or a ring).
func (tb *tab) focused() focus {
	tb.t.Helper()
	var f focus
	tb.call(func(ctx context.Context) error {
		var err error
		f, err = chromedp.Run(ctx, chromedp.Evaluate[focus](`(() => {
			const el = document.activeElement;
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			return {
				Tag: el.tagName, ID: el.id, Class: el.className, Type: el.type || "",
				Href: el.getAttribute("href") || "",
				InMain: !!el.closest("main"),
				Visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
				Outlined: style.outlineStyle !== "none" || style.boxShadow !== "none",
			};
		})()`))
		return err
	})
	return f
}

// press sends keys to the focused element.
func (tb *tab) press(keys string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(keys))
}

// tabTo presses Tab until the focused element matches, checking each stop
// shows its focus.
func (tb *tab) tabTo(match func(focus) bool) {
	tb.t.Helper()
	for i := 0; i < 30; i++ {
		f := tb.focused()
		if !f.Outlined && f.Tag != "BODY" {
			tb.t.Errorf("focus on <%s id=%q class=%q> is not visible", f.Tag, f.ID, f.Class)
		}
		if match(f) {
			return
		}
		tb.press("\t")
	}
	tb.t.Fatal("Tab never reached the element")
}

// download clicks a link that downloads a file and returns the file.
func (tb *tab) download(sel string) []byte {
	tb.t.Helper()
	dir := tb.t.TempDir()
	var data []byte
	tb.call(func(ctx context.Context) error {
		events := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptr(true),
		})
		if err != nil {
			return err
		}
		if err := chromedp.Do(ctx, clickOn(sel)); err != nil {
			return err
		}
		for ev, err := range events {
			if err != nil {
				return err
			}
			switch ev.State {
			case browser.DownloadProgressStateCompleted:
				data, err = os.ReadFile(filepath.Join(dir, ev.GUID))
				return err
			case browser.DownloadProgressStateCanceled:
				return fmt.Errorf("download of %s cancelled", sel)
			}
		}
		return ctx.Err()
	})
	return data
}

func ptr[T any](v T) *T { return &v }

// isRevealButton finds the button that app.js adds beside a password.
func isRevealButton(n *html.Node) bool {
	return n.Data == "button" && strings.Contains(attr(n, "class"), "reveal")
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "id") == id }
}
