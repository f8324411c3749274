package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/internal/cli"
)

// call sends one API request and returns the body, or the API's error.
func call(ctx context.Context, method, url, token string, body []byte) ([]byte, int, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error struct{ Code, Message, Field string } `json:"error"`
		}
		if json.Unmarshal(out, &e) == nil && e.Error.Code != "" {
			msg := fmt.Sprintf("%d %s: %s", resp.StatusCode, e.Error.Code, e.Error.Message)
			if e.Error.Field != "" {
				msg += " (field " + e.Error.Field + ")"
			}
			return out, resp.StatusCode, fmt.Errorf("%s", msg)
		}
		return out, resp.StatusCode, fmt.Errorf("%s %s: %s", method, url, resp.Status)
	}
	return out, resp.StatusCode, nil
}

func submit(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("submit", "gửi một sự kiện (tệp JSON) lên máy chủ / posts one event (a JSON file) to the server", getenv, stderr)
	server := fs.EnvString("server", "http://127.0.0.1:8080", "địa chỉ máy chủ thidua / thidua server URL")
	tok := fs.EnvString("token", "", "mã truy cập API / API token")
	season := fs.EnvString("season", domain.DemoSeasonID, "mùa thi đua để ghi vào / season to append to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return cli.UsageError("submit takes one FILE (or - for standard input)")
	}
	var body []byte
	var err error
	if fs.Arg(0) == "-" {
		body, err = io.ReadAll(stdin)
	} else {
		body, err = os.ReadFile(fs.Arg(0))
	}
	if err != nil {
		return fmt.Errorf("read event: %w", err)
	}
	out, _, err := call(ctx, http.MethodPost, strings.TrimRight(*server, "/")+"/api/v1/seasons/"+*season+"/events", *tok, body)
	if err != nil {
		return err
	}
	_, err = stdout.Write(out)
	return err
}

func token(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("token", "cấp hoặc thu hồi mã truy cập / issues or revokes an API token", getenv, stderr)
	server := fs.EnvString("server", "http://127.0.0.1:8080", "địa chỉ máy chủ thidua / thidua server URL")
	tok := fs.EnvString("token", "", "mã quản trị hoặc mã Ban Thường trực / admin or committee token")
	role := fs.String("role", "", "vai trò của mã mới: unit (đơn vị), committee (Ban Thường trực) hoặc auditor (kiểm tra) / role of the new token: unit, committee or auditor")
	unit := fs.String("unit", "", "đơn vị của mã đơn vị / the unit of a unit token")
	cluster := fs.String("cluster", "", "gắn mã Ban Thường trực hoặc mã kiểm tra với các mùa của cụm này (mặc định: mọi cụm) / bind a committee or auditor token to this cluster's seasons (default: every cluster)")
	holder := fs.String("holder", "", "người nhận mã, ví dụ \"Nguyễn Thị Hoa\" / the person the token is issued to, e.g. \"Nguyễn Thị Hoa\"")
	position := fs.String("position", "", "chức vụ của người nhận, ví dụ \"Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô\" / their position, e.g. \"Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô\"")
	revoke := fs.String("revoke", "", "thay vào đó, thu hồi mã có số hiệu này / revoke the token with this id instead")
	list := fs.Bool("list", false, "thay vào đó, liệt kê các mã trong phạm vi (cách nhau bằng tab: số hiệu, vai trò, đơn vị hoặc cụm, người nhận, chức vụ, ngày cấp, ngày thu hồi) / list the tokens in reach (tab-separated: id, role, unit or cluster, holder, position, issued, revoked) instead")
	if err := fs.Parse(args); err != nil {
		return err
	}
	base := strings.TrimRight(*server, "/") + "/api/v1/tokens"
	if *list {
		out, _, err := call(ctx, http.MethodGet, base, *tok, nil)
		if err != nil {
			return err
		}
		var l struct {
			Tokens []struct {
				ID, Role, Unit, Cluster, Holder, Position string
				IssuedAt                                  string `json:"issued_at"`
				RevokedAt                                 string `json:"revoked_at"`
			}
		}
		if err := json.Unmarshal(out, &l); err != nil {
			return fmt.Errorf("read the reply: %w", err)
		}
		for _, t := range l.Tokens {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, t.Unit+t.Cluster, t.Holder, t.Position, t.IssuedAt, t.RevokedAt)
		}
		return nil
	}
	if *revoke != "" {
		_, _, err := call(ctx, http.MethodDelete, base+"/"+*revoke, *tok, nil)
		if err == nil {
			fmt.Fprintln(stderr, "revoked", *revoke)
		}
		return err
	}
	req := map[string]string{"role": *role, "unit": *unit}
	for k, v := range map[string]string{"cluster": *cluster, "holder": *holder, "position": *position} {
		if v != "" {
			req[k] = v
		}
	}
	body, _ := json.Marshal(req)
	out, _, err := call(ctx, http.MethodPost, base, *tok, body)
	if err != nil {
		return err
	}
	var issued struct{ Token, ID string }
	if err := json.Unmarshal(out, &issued); err != nil {
		return fmt.Errorf("read the reply: %w", err)
	}
	fmt.Fprintln(stdout, issued.Token)
	fmt.Fprintln(stderr, "token id:", issued.ID)
	return nil
}
