package ui

import (
	"context"
	"sync"
	"time"

	"github.com/casebookapp/casebook/data"
)

// writeQueue runs every write to the library off the UI goroutine, so that
// the window keeps answering while SQLite waits for its write lock (held by
// an import from the command line, a classmate's merge, another window).
//
// Writes go into lanes: those of one lane (one note, one article's details,
// the highlights) run one after another in the order they were made; lanes
// run side by side and SQLite serialises them. A write that finds the
// library locked waits and tries again until it is saved or the window
// quits: nothing is dropped. Each write's done function then runs on the
// UI goroutine with its result.
type writeQueue struct {
	// ctx is the window's: the writes stop retrying once it is done.
	ctx context.Context
	// do runs a function on the UI goroutine, even while quitting (the
	// count of pending writes must come down); quitting reports that the
	// window is quitting, when no done or onState runs any more.
	do       func(func())
	quitting func() bool
	// retry is how long a write waits before trying again after the
	// library said it was busy; slow is how long a write may take before
	// the window says it is waiting for the library.
	retry, slow time.Duration

	mu      sync.Mutex
	lanes   map[string][]*writeJob
	waiting int // writes running for longer than slow
	running sync.WaitGroup

	// pending counts the writes submitted whose done has not run yet. It
	// is used on the UI goroutine only.
	pending int
	// onState is called on the UI goroutine when pending or waiting
	// change.
	onState func()
}

type writeJob struct {
	run  func(ctx context.Context) error
	done func(err error)
	// finished is closed once run has returned.
	finished chan struct{}
}

func newWriteQueue(ctx context.Context, do func(func()), quitting func() bool) *writeQueue {
	return &writeQueue{ctx: ctx, do: do, quitting: quitting, retry: 250 * time.Millisecond, slow: 400 * time.Millisecond, lanes: map[string][]*writeJob{}}
}

// submit queues run in a lane. It is called on the UI goroutine; done (if
// not nil) runs there too, after run, with its error.
func (q *writeQueue) submit(lane string, run func(ctx context.Context) error, done func(err error)) {
	q.pending++
	q.mu.Lock()
	jobs := q.lanes[lane]
	q.lanes[lane] = append(jobs, &writeJob{run: run, done: done, finished: make(chan struct{})})
	start := len(jobs) == 0
	if start {
		q.running.Add(1)
	}
	q.mu.Unlock()
	if start {
		go q.drain(lane)
	}
	q.stateChanged()
}

// drain runs a lane's writes until it is empty.
func (q *writeQueue) drain(lane string) {
	defer q.running.Done()
	for {
		q.mu.Lock()
		jobs := q.lanes[lane]
		if len(jobs) == 0 {
			delete(q.lanes, lane)
			q.mu.Unlock()
			return
		}
		j := jobs[0]
		q.mu.Unlock()

		err := q.runJob(j)
		close(j.finished)

		q.mu.Lock()
		q.lanes[lane] = q.lanes[lane][1:]
		q.mu.Unlock()
		// The count must come down even while quitting.
		q.do(func() {
			q.pending--
			if j.done != nil && !q.quitting() {
				j.done(err)
			}
			q.stateChanged()
		})
	}
}

// runJob runs one write, again and again while the library is busy.
func (q *writeQueue) runJob(j *writeJob) error {
	ctx := q.ctx
	var once sync.Once
	slow := time.AfterFunc(q.slow, func() { once.Do(func() { q.setWaiting(1) }) })
	defer func() {
		if !slow.Stop() {
			once.Do(func() {}) // the timer ran: it counted this write
			q.setWaiting(-1)
		}
	}()
	for {
		err := j.run(ctx)
		if data.ErrorCode(err) != data.EBUSY || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(q.retry):
		}
	}
}

// setWaiting counts the writes waiting for the library, and shows it.
func (q *writeQueue) setWaiting(d int) {
	q.mu.Lock()
	q.waiting += d
	q.mu.Unlock()
	q.do(q.stateChanged)
}

// Waiting reports whether a write is waiting for the library.
func (q *writeQueue) Waiting() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.waiting > 0
}

func (q *writeQueue) stateChanged() {
	if q.onState != nil && !q.quitting() {
		q.onState()
	}
}

// barrier returns a function that waits until every write submitted before
// the call has been run (or ctx is done). Work that reads the library as a
// whole (an import, an export) waits on it, so that it sees the note that
// was just typed. It is called on the UI goroutine; the function it
// returns may be called from any goroutine.
func (q *writeQueue) barrier() func(ctx context.Context) {
	q.mu.Lock()
	var waits []chan struct{}
	for _, jobs := range q.lanes {
		if len(jobs) > 0 {
			waits = append(waits, jobs[len(jobs)-1].finished)
		}
	}
	q.mu.Unlock()
	return func(ctx context.Context) {
		for _, w := range waits {
			select {
			case <-w:
			case <-ctx.Done():
				return
			}
		}
	}
}

// wait waits until every write submitted so far is done, or the timeout
// passes; it reports whether they are all done.
func (q *writeQueue) wait(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() {
		q.running.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
