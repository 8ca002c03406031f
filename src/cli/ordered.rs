//! Work on many threads, output in input order, memory bounded.
//!
//! `klaim extract` reads a stream of documents, extracts each on whichever
//! thread is free and writes the results in the order the documents came.
//! A reader thread cuts the input into batches; workers turn each batch into
//! its output; the calling thread writes batches in sequence, holding the
//! early finishers until the one before them is written. A fixed number of
//! permits bounds the batches between reading and writing, so memory stays
//! constant whatever the input size.

use std::collections::BTreeMap;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

/// Batches alive (read, being worked on, or waiting to be written) per
/// worker. Two keeps every worker busy while one slow batch holds the writer.
const BATCHES_PER_JOB: usize = 4;

/// Runs `work` over every batch `read` yields, on `jobs` threads, and calls
/// `write` with each result in the order the batches were read. `read` runs
/// on its own thread; `write` on the caller's. The first error of `write`
/// stops the run and is returned (the reader and workers then wind down).
pub fn run<B, R, E>(
    jobs: usize,
    read: impl Iterator<Item = B> + Send,
    work: impl Fn(B) -> R + Sync,
    mut write: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    B: Send,
    R: Send,
{
    if jobs <= 1 {
        // One thread: no channels, the same order by construction.
        for batch in read {
            write(work(batch))?;
        }
        return Ok(());
    }
    let in_flight = jobs * BATCHES_PER_JOB;
    // A permit is taken before a batch is read and given back once it is
    // written: at most `in_flight` batches exist at any time.
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    let (batch_tx, batch_rx) = sync_channel::<(u64, B)>(in_flight);
    let (done_tx, done_rx) = sync_channel::<(u64, R)>(in_flight);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, batch) in (0u64..).zip(read) {
                if permit_tx.send(()).is_err() || batch_tx.send((seq, batch)).is_err() {
                    return; // The writer stopped.
                }
            }
        });
        for _ in 0..jobs {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            let work = &work;
            scope.spawn(move || {
                while let Some((seq, batch)) = next(&batch_rx) {
                    if done_tx.send((seq, work(batch))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let result = write_in_order(&done_rx, &permit_rx, &mut write);
        // Dropping the receivers unblocks any thread still sending.
        drop(done_rx);
        drop(permit_rx);
        result
    })
}

fn next<B>(batches: &Mutex<Receiver<(u64, B)>>) -> Option<(u64, B)> {
    // A poisoned lock means a worker panicked; the core never panics, but
    // the others should still finish rather than hang.
    let guard = batches.lock().unwrap_or_else(|e| e.into_inner());
    guard.recv().ok()
}

fn write_in_order<R, E>(
    done: &Receiver<(u64, R)>,
    permits: &Receiver<()>,
    write: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let mut waiting = BTreeMap::new();
    let mut expected = 0u64;
    for (seq, result) in done.iter() {
        waiting.insert(seq, result);
        while let Some(result) = waiting.remove(&expected) {
            write(result)?;
            let _ = permits.recv();
            expected += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_any_number_of_threads() {
        for jobs in [1, 2, 4, 7] {
            let mut out = Vec::new();
            // Uneven work so later batches often finish first.
            run(
                jobs,
                0..200u64,
                |i| {
                    std::thread::sleep(std::time::Duration::from_micros((200 - i) % 7 * 50));
                    i * 2
                },
                |r| {
                    out.push(r);
                    Ok::<_, ()>(())
                },
            )
            .unwrap();
            assert_eq!(out, (0..200).map(|i| i * 2).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn a_write_error_stops_the_run() {
        let mut written = 0;
        let result = run(
            3,
            0..10_000u64,
            |i| i,
            |i| {
                written += 1;
                if i == 5 {
                    Err("disk full")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("disk full"));
        assert_eq!(written, 6);
    }
}
