package e2e

import (
	"os"
	"testing"

	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}
