// compose-check validates a Compose file the way `docker compose config -q` does, without Docker.
//
// It loads the file with compose-go (the library Docker Compose itself uses for `config`): the
// Compose Specification's JSON schema, interpolation of ${VARS} from the environment, and the
// project's consistency checks (services named in depends_on exist, volumes and networks are
// declared, ...). It prints nothing and exits 0 when the file is valid; otherwise it prints the
// reason and exits 1. Usage: compose-check docker-compose.yml [more files to merge]
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check FILE [FILE...]")
		os.Exit(2)
	}
	opts, err := cli.NewProjectOptions(os.Args[1:], cli.WithOsEnv, cli.WithName("newsmon"))
	if err == nil {
		_, err = opts.LoadProject(context.Background())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
