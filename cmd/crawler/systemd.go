package main

import (
	"context"
	"log/slog"
	"time"

	sd "github.com/coreos/go-systemd/v22/daemon"
)

// notifier speaks the sd_notify protocol through go-systemd, which reads
// NOTIFY_SOCKET on every call: without it (not under systemd) every method
// is a no-op.
type notifier struct{ log *slog.Logger }

func (n notifier) send(state string) {
	if _, err := sd.SdNotify(false, state); err != nil {
		n.log.Debug("sd_notify", "state", state, keyError, err)
	}
}

func (n notifier) ready(status string)  { n.send(sd.SdNotifyReady + "\nSTATUS=" + status) }
func (n notifier) status(status string) { n.send("STATUS=" + status) }
func (n notifier) stopping()            { n.send(sd.SdNotifyStopping + "\nSTATUS=shutting down") }

// watchdog sends WATCHDOG=1 at a third of WatchdogSec while healthy reports
// nil, until ctx ends. Without WATCHDOG_USEC it returns at once. A missed
// ping is deliberate: systemd then restarts a daemon whose scheduler is
// stuck or whose database no longer answers.
func (n notifier) watchdog(ctx context.Context, healthy func(context.Context) error) {
	interval, err := sd.SdWatchdogEnabled(false)
	if err != nil || interval <= 0 {
		return
	}
	t := time.NewTicker(interval / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cctx, cancel := context.WithTimeout(ctx, interval/3)
		err := healthy(cctx)
		cancel()
		if err != nil {
			n.log.Warn("watchdog check failed; not pinging systemd", keyError, err)
			continue
		}
		n.send(sd.SdNotifyWatchdog)
	}
}
