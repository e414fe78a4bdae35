package main

import (
	"errors"
	"fmt"
	"net"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/spf13/cobra"

	"fyp/model"
	"fyp/seeds"
	"fyp/web"
)

func serveCmd(o *options) *cobra.Command {
	var addr string
	var open bool
	c := &cobra.Command{
		Use:   "serve",
		Short: "本地网页：拖动假设，即时看到每项目标 · a local web app: move an assumption, see every target",
		Long: `在本机启动一个网页（全部内容内嵌在程序中，无需联网）：每个假设一个滑块，标出规划速度和上一规划的实际速度；
拖动滑块时即时给出每项主要目标的测算值、是否达标、余量和所需速度，主要指标图，以及 10,000 次模拟的实现概率。
点击一项目标可求解某个假设取何值恰好达标；当前设置可下载为情景 YAML，fyp validate 接受，fyp run -s 文件 完全重现；
网址记录全部设置。上传观测数据（CSV/XLSX，只在内存中读取）进入中期评估模式。
默认只监听 127.0.0.1；--addr 指定其他地址时会给出警告。按 Ctrl-C 停止。

Starts a web app on this machine (everything embedded; works offline): one slider per
assumption, marked with the plan's pace and the pace delivered under the previous plan. As a
slider moves, every main-table target's projected value, verdict, margin and required pace, the
headline charts and the probability of meeting each target (10,000 draws) update at once. Click
a target to solve for the value of an assumption that meets it exactly; download the settings
as a scenario YAML that fyp validate accepts and fyp run -s FILE reproduces; the URL encodes
every setting. Uploading observed figures (CSV/XLSX, read in memory only) switches to the
mid-term review. Listens on 127.0.0.1 only unless --addr says otherwise (then it warns).
Ctrl-C stops it.`,
		Example: `  fyp serve --open
  fyp serve --plan my-plan.yaml --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check(); err != nil {
				return err
			}
			if err := checkAddr(addr); err != nil {
				return err
			}
			cfg, err := serveConfig(o, c.Flags().Changed("plan"))
			if err != nil {
				return err
			}
			cfg.AnyHost = !web.Loopback(addr)
			srv, err := web.New(cfg)
			if err != nil {
				return err
			}
			ln, err := web.Listen(addr)
			if err != nil {
				return listenError(addr, err)
			}
			if cfg.AnyHost { // once listening: an address refused gets its one message
				fmt.Fprintf(o.stderr, L(o.lang,
					"fyp serve: 警告：监听 %s，不只是本机；同一网络中的其他人也能打开此网页。\n",
					"fyp serve: warning: listening on %s, not only on this machine; others on the network can open the app.\n"), addr)
			}
			url := "http://" + ln.Addr().String() + "/"
			if o.lang == "en" {
				url += "?lang=en"
			}
			fmt.Fprintf(o.stdout, L(o.lang, "fyp serve: 已启动 %s （按 Ctrl-C 停止）\n", "fyp serve: running at %s (Ctrl-C to stop)\n"), url)
			if open {
				if err := openBrowser(url); err != nil {
					fmt.Fprintf(o.stderr, L(o.lang, "fyp serve: 无法打开浏览器（%v）；请手动打开上面的网址。\n", "fyp serve: could not open a browser (%v); open the address above yourself.\n"), err)
				}
			}
			ctx, stop := signal.NotifyContext(c.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return web.Serve(ctx, ln, srv.Handler(), o.stderr)
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port); only loopback addresses keep the app to this machine")
	c.Flags().BoolVar(&open, "open", false, "open the app in the default browser")
	return c
}

// serveConfig offers every embedded plan, or with --plan FILE that plan
// (read once, here) first.
func serveConfig(o *options, planGiven bool) (web.Config, error) {
	cfg := web.Config{Log: o.stderr}
	if !planGiven {
		return cfg, nil
	}
	first, err := o.loadPlan()
	if err != nil {
		return cfg, err
	}
	plans := []*model.Plan{first}
	for _, id := range seeds.IDs() {
		if id == first.ID {
			continue
		}
		p, err := seeds.Load(id)
		if err != nil {
			return cfg, err
		}
		plans = append(plans, p)
	}
	embedded := map[*model.Plan]bool{}
	for _, p := range plans[1:] {
		embedded[p] = true
	}
	if _, err := seeds.Source(o.plan); err == nil {
		embedded[first] = true
	}
	cfg.Plans = plans
	cfg.Embedded = func(p *model.Plan) bool { return embedded[p] }
	return cfg, nil
}

// openBrowser asks the desktop to open url.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// checkAddr refuses an --addr that is not HOST:PORT with a port from 0 to
// 65535 (or a service name such as http), before anything is printed.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return badInput2("--addr %q：应为 主机:端口，如127.0.0.1:8080", "--addr %q: expected HOST:PORT, e.g. 127.0.0.1:8080", addr)
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return badInput2("--addr %q：端口应为0到65535之间的数", "--addr %q: the port must be a number from 0 to 65535", addr)
	}
	return nil
}

// listenError words a failure to listen on addr: the port taken, no
// permission, or the host not on this machine.
func listenError(addr string, err error) error {
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return badInput2("--addr %q：找不到这个主机", "--addr %q: no such host", addr)
	case errors.Is(err, syscall.EADDRINUSE):
		return badInput2("--addr %q：端口已被占用：请换一个端口，或先停止占用它的程序", "--addr %q: the port is in use: choose another port, or stop the program using it", addr)
	case errors.Is(err, syscall.EACCES):
		return badInput2("--addr %q：没有监听此端口的权限：请用1024以上的端口", "--addr %q: no permission to listen on this port: use a port above 1024", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return badInput2("--addr %q：本机没有这个地址", "--addr %q: this machine has no such address", addr)
	}
	return badInput2("--addr %q：无法监听（%v）", "--addr %q: cannot listen (%v)", addr, err)
}
