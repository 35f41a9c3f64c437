// Package config reads Entraide's configuration from environment variables,
// with defaults, and validates it once at start-up.
package config

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the service. Secrets are tagged so that
// String masks them.
type Config struct {
	Env             string        // ENTRAIDE_ENV: development, production or test
	Addr            string        // ENTRAIDE_ADDR
	BaseURL         string        // ENTRAIDE_BASE_URL, for links in e-mails and canonical URLs
	DataDir         string        // ENTRAIDE_DATA
	MongoURI        string        // MONGODB_URI (secret: may hold a password)
	Database        string        // ENTRAIDE_DB
	AllowEmbedded   bool          // ENTRAIDE_ALLOW_EMBEDDED
	JWTSecret       []byte        // ENTRAIDE_JWT_SECRET or ENTRAIDE_JWT_SECRET_FILE
	JWTOldSecrets   [][]byte      // ENTRAIDE_JWT_OLD_SECRETS (comma-separated), still accepted
	RateLimit       bool          // ENTRAIDE_RATE_LIMIT=off disables
	LoginRate       Rate          // ENTRAIDE_LOGIN_RATE, e.g. 10/1m
	SignupRate      Rate          // ENTRAIDE_SIGNUP_RATE
	MessageRate     Rate          // ENTRAIDE_MESSAGE_RATE: messages per user
	ReportRate      Rate          // ENTRAIDE_REPORT_RATE: reports per user
	ReadTimeout     time.Duration // ENTRAIDE_READ_TIMEOUT
	WriteTimeout    time.Duration // ENTRAIDE_WRITE_TIMEOUT
	IdleTimeout     time.Duration // ENTRAIDE_IDLE_TIMEOUT
	RequestTimeout  time.Duration // ENTRAIDE_REQUEST_TIMEOUT: budget of one request's store calls
	HashWorkers     int           // ENTRAIDE_HASH_WORKERS: concurrent password hashes
	LogLevel        string        // ENTRAIDE_LOG_LEVEL
	TrustProxy      bool          // ENTRAIDE_TRUST_PROXY: deprecated; alone it trusts no proxy (see TrustedProxies)
	TrustedProxies  []string      // ENTRAIDE_TRUSTED_PROXIES: CIDRs or addresses of the proxies whose X-Forwarded-For is read
	Seed            bool          // ENTRAIDE_SEED=off disables demo data on first start
	MetricsToken    string        // ENTRAIDE_METRICS_TOKEN or _FILE: bearer token for /metrics
	MetricsNetworks string        // ENTRAIDE_METRICS_NETWORKS: CIDRs allowed to read /metrics without a token
	Bench           bool          // ENTRAIDE_BENCH=1 mounts the benchmark's bare endpoint (never in production)
	SMTPURL         string        // SMTP_URL or SMTP_URL_FILE (secret: may hold a password); unset writes e-mails to DataDir/mail
	MailFrom        string        // ENTRAIDE_MAIL_FROM: sender of every e-mail
}

// Rate is a number of events allowed per window.
type Rate struct {
	Count  int
	Window time.Duration
}

func (r Rate) String() string { return fmt.Sprintf("%d/%s", r.Count, r.Window) }

// ParseRate reads "10/1m" style rates.
func ParseRate(s string) (Rate, error) {
	count, window, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Rate{}, fmt.Errorf("rate %q: want COUNT/DURATION like 10/1m", s)
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 {
		return Rate{}, fmt.Errorf("rate %q: bad count", s)
	}
	d, err := time.ParseDuration(window)
	if err != nil || d <= 0 {
		return Rate{}, fmt.Errorf("rate %q: bad window", s)
	}
	return Rate{Count: n, Window: d}, nil
}

// Production reports whether the service runs in production.
func (c *Config) Production() bool { return c.Env == "production" }

// Embedded reports whether the embedded store is used.
func (c *Config) Embedded() bool { return c.MongoURI == "" }

// Load reads the environment (through getenv) and validates the result.
func Load(getenv func(string) string) (*Config, error) {
	var errs []error
	get := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	duration := func(key string, def time.Duration) time.Duration {
		v := get(key, "")
		if v == "" {
			return def
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("%s: %q is not a positive duration", key, v))
			return def
		}
		return d
	}
	rate := func(key, def string) Rate {
		r, err := ParseRate(get(key, def))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key, err))
		}
		return r
	}
	secret := func(key string) string {
		if file := get(key+"_FILE", ""); file != "" {
			b, err := os.ReadFile(file)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s_FILE: %w", key, err))
				return ""
			}
			return strings.TrimSpace(string(b))
		}
		return getenv(key)
	}

	c := &Config{
		Env:             get("ENTRAIDE_ENV", "development"),
		Addr:            get("ENTRAIDE_ADDR", "127.0.0.1:8080"),
		DataDir:         get("ENTRAIDE_DATA", "./data"),
		MongoURI:        secret("MONGODB_URI"),
		Database:        get("ENTRAIDE_DB", "entraide"),
		AllowEmbedded:   get("ENTRAIDE_ALLOW_EMBEDDED", "") == "1",
		RateLimit:       get("ENTRAIDE_RATE_LIMIT", "on") != "off",
		LoginRate:       rate("ENTRAIDE_LOGIN_RATE", "10/1m"),
		SignupRate:      rate("ENTRAIDE_SIGNUP_RATE", "5/1m"),
		MessageRate:     rate("ENTRAIDE_MESSAGE_RATE", "20/10m"),
		ReportRate:      rate("ENTRAIDE_REPORT_RATE", "10/1h"),
		ReadTimeout:     duration("ENTRAIDE_READ_TIMEOUT", 10*time.Second),
		WriteTimeout:    duration("ENTRAIDE_WRITE_TIMEOUT", 30*time.Second),
		IdleTimeout:     duration("ENTRAIDE_IDLE_TIMEOUT", 60*time.Second),
		RequestTimeout:  duration("ENTRAIDE_REQUEST_TIMEOUT", 5*time.Second),
		LogLevel:        get("ENTRAIDE_LOG_LEVEL", "info"),
		TrustProxy:      get("ENTRAIDE_TRUST_PROXY", "") == "1",
		Seed:            get("ENTRAIDE_SEED", "on") != "off",
		Bench:           get("ENTRAIDE_BENCH", "") == "1",
		MetricsToken:    strings.TrimSpace(secret("ENTRAIDE_METRICS_TOKEN")),
		MetricsNetworks: get("ENTRAIDE_METRICS_NETWORKS", "127.0.0.1/32,::1/128"),
		SMTPURL:         strings.TrimSpace(secret("SMTP_URL")),
		MailFrom:        get("ENTRAIDE_MAIL_FROM", "Entraide <no-reply@entraide.localhost>"),
	}
	for _, p := range strings.Split(getenv("ENTRAIDE_TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.TrustedProxies = append(c.TrustedProxies, p)
		}
	}
	c.BaseURL = strings.TrimRight(get("ENTRAIDE_BASE_URL", "http://"+c.Addr), "/")
	// One CPU is kept out of password hashing so that a sign-up surge queues
	// behind the pool while searches keep a core.
	workers, err := strconv.Atoi(get("ENTRAIDE_HASH_WORKERS", strconv.Itoa(max(1, runtime.NumCPU()-1))))
	if err != nil || workers < 1 || workers > 256 {
		errs = append(errs, errors.New("ENTRAIDE_HASH_WORKERS: want 1 to 256"))
		workers = 1
	}
	c.HashWorkers = workers
	if s := secret("ENTRAIDE_JWT_SECRET"); s != "" {
		c.JWTSecret = []byte(s)
	}
	for _, old := range strings.Split(getenv("ENTRAIDE_JWT_OLD_SECRETS"), ",") {
		if old = strings.TrimSpace(old); old != "" {
			c.JWTOldSecrets = append(c.JWTOldSecrets, []byte(old))
		}
	}
	errs = append(errs, c.validate()...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func (c *Config) validate() []error {
	var errs []error
	switch c.Env {
	case "development", "production", "test":
	default:
		errs = append(errs, fmt.Errorf("ENTRAIDE_ENV: %q is not development, production or test", c.Env))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("ENTRAIDE_LOG_LEVEL: %q is not debug, info, warn or error", c.LogLevel))
	}
	for _, cidr := range strings.Split(c.MetricsNetworks, ",") {
		if cidr = strings.TrimSpace(cidr); cidr == "" {
			continue
		}
		if _, _, err := net.ParseCIDR(cidr); err != nil && net.ParseIP(cidr) == nil {
			errs = append(errs, fmt.Errorf("ENTRAIDE_METRICS_NETWORKS: %q is not a CIDR or an address", cidr))
		}
	}
	for _, p := range c.TrustedProxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			errs = append(errs, fmt.Errorf("ENTRAIDE_TRUSTED_PROXIES: %q is not a CIDR (10.0.0.0/8) or an address (10.0.0.5)", p))
		}
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		errs = append(errs, errors.New("ENTRAIDE_METRICS_TOKEN: at least 16 characters"))
	}
	if c.SMTPURL != "" {
		if _, err := ParseSMTPURL(c.SMTPURL); err != nil {
			errs = append(errs, fmt.Errorf("SMTP_URL: %w", err))
		}
	}
	if addr, err := mail.ParseAddress(c.MailFrom); err != nil || !strings.Contains(addr.Address, "@") {
		errs = append(errs, fmt.Errorf("ENTRAIDE_MAIL_FROM: %q is not an e-mail address such as \"Entraide <no-reply@example.org>\"", c.MailFrom))
	}
	if c.JWTSecret != nil && len(c.JWTSecret) < 32 {
		errs = append(errs, errors.New("ENTRAIDE_JWT_SECRET: must be at least 32 bytes"))
	}
	for _, old := range c.JWTOldSecrets {
		if len(old) < 32 {
			errs = append(errs, errors.New("ENTRAIDE_JWT_OLD_SECRETS: each must be at least 32 bytes"))
		}
	}
	if c.Production() {
		if c.JWTSecret == nil {
			errs = append(errs, errors.New("production needs an explicit ENTRAIDE_JWT_SECRET (or ENTRAIDE_JWT_SECRET_FILE) of at least 32 bytes"))
		}
		if c.Embedded() && !c.AllowEmbedded {
			errs = append(errs, errors.New("production needs MONGODB_URI; the embedded store serves one process only (set ENTRAIDE_ALLOW_EMBEDDED=1 to accept that)"))
		}
		if !c.RateLimit {
			errs = append(errs, errors.New("ENTRAIDE_RATE_LIMIT=off is refused in production"))
		}
	}
	return errs
}

// Warnings are settings that are valid but probably not what was meant;
// the server logs them at start.
func (c *Config) Warnings() []string {
	var out []string
	if c.TrustProxy && len(c.TrustedProxies) == 0 {
		out = append(out, "ENTRAIDE_TRUST_PROXY=1 without ENTRAIDE_TRUSTED_PROXIES trusts no proxy: X-Forwarded-For is ignored "+
			"and every client behind a proxy has the proxy's address; list the proxies' CIDRs in ENTRAIDE_TRUSTED_PROXIES")
	}
	return out
}

// EnsureDevSecret loads the development JWT secret from the data directory,
// creating it (mode 0600) on first start, when none was given.
func (c *Config) EnsureDevSecret() error {
	if c.JWTSecret != nil {
		return nil
	}
	if c.Production() {
		return errors.New("no JWT secret in production")
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(c.DataDir, "jwt.secret")
	if b, err := os.ReadFile(path); err == nil {
		secret := strings.TrimSpace(string(b))
		if len(secret) < 32 {
			return fmt.Errorf("%s is shorter than 32 bytes; delete it to make a new one", path)
		}
		c.JWTSecret = []byte(secret)
		return nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return err
	}
	secret := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return err
	}
	c.JWTSecret = []byte(secret)
	return nil
}

// KeyID names a secret without revealing it.
func KeyID(secret []byte) string {
	sum := sha256.Sum256(secret)
	return hex.EncodeToString(sum[:4])
}

// String prints the configuration with secrets masked.
func (c *Config) String() string {
	mask := func(set bool) string {
		if set {
			return "(set)"
		}
		return "(unset)"
	}
	store := "embedded FerretDB under " + c.DataDir
	if !c.Embedded() {
		store = "MongoDB " + mask(true)
	}
	return fmt.Sprintf("env=%s addr=%s base_url=%s store=%q db=%s jwt_secret=%s rate_limit=%t login_rate=%s signup_rate=%s timeouts(read=%s write=%s idle=%s request=%s) hash_workers=%d",
		c.Env, c.Addr, c.BaseURL, store, c.Database, mask(c.JWTSecret != nil), c.RateLimit, c.LoginRate, c.SignupRate,
		c.ReadTimeout, c.WriteTimeout, c.IdleTimeout, c.RequestTimeout, c.HashWorkers) +
		fmt.Sprintf(" message_rate=%s report_rate=%s", c.MessageRate, c.ReportRate) +
		fmt.Sprintf(" smtp=%s mail_from=%q trusted_proxies=%q", mask(c.SMTPURL != ""), c.MailFrom, strings.Join(c.TrustedProxies, ","))
}

// SMTP is the mail server of SMTP_URL.
type SMTP struct {
	Host        string
	Port        int
	Username    string
	Password    string
	ImplicitTLS bool   // smtps://: TLS from the first byte
	StartTLS    string // smtp://: "required", "opportunistic" (the default) or "off"
}

// ParseSMTPURL reads smtp://[user:pass@]host[:port][?starttls=required|opportunistic|off]
// (port 587 by default) or smtps://[user:pass@]host[:port] (port 465).
// Credentials are only ever sent over TLS, or to localhost.
func ParseSMTPURL(raw string) (SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// The parser's message would repeat the URL and its password.
		return SMTP{}, errors.New("not a URL such as smtp://user:password@host:587")
	}
	s := SMTP{Host: u.Hostname(), StartTLS: "opportunistic"}
	switch u.Scheme {
	case "smtp":
		s.Port = 587
	case "smtps":
		s.Port, s.ImplicitTLS = 465, true
	default:
		return SMTP{}, fmt.Errorf("scheme %q: want smtp or smtps", u.Scheme)
	}
	if s.Host == "" {
		return SMTP{}, errors.New("no host")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return SMTP{}, fmt.Errorf("port %q: want 1 to 65535", p)
		}
		s.Port = n
	}
	if u.Path != "" && u.Path != "/" {
		return SMTP{}, errors.New("unexpected path")
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	for key, values := range u.Query() {
		switch key {
		case "starttls":
			switch v := values[len(values)-1]; v {
			case "required", "opportunistic", "off":
				if s.ImplicitTLS && v != "off" {
					return SMTP{}, errors.New("starttls does not apply to smtps")
				}
				s.StartTLS = v
			default:
				return SMTP{}, fmt.Errorf("starttls=%q: want required, opportunistic or off", v)
			}
		default:
			return SMTP{}, fmt.Errorf("unknown parameter %q", key)
		}
	}
	if s.ImplicitTLS {
		s.StartTLS = "off"
	}
	return s, nil
}
