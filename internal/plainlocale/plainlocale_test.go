package plainlocale

import "testing"

func TestCLocaleWithACharsetMeansEnglish(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string // LANGUAGE after
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LANG": "C"}, ""},                                // the toolkit reads plain C as no language already
		{map[string]string{"LANG": "de_DE.UTF-8"}, ""},                      // a real language is left alone
		{map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, ""}, // LC_ALL wins
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "nl"}, "nl"},      // the user's own choice stays
	}
	for _, c := range cases {
		env := map[string]string{}
		for k, v := range c.env {
			env[k] = v
		}
		apply(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
		if env["LANGUAGE"] != c.want {
			t.Errorf("%v: LANGUAGE %q, want %q", c.env, env["LANGUAGE"], c.want)
		}
	}
}
