//! Stopping a run cleanly on SIGINT (Ctrl-C) or SIGTERM.
//!
//! The default reaction to these signals ends the process wherever it is, which can cut the
//! record being written in half. [`Interrupt::install`] replaces it with a flag that the
//! subcommand reads between records: it stops there, closes its output, writes its counts and
//! says where to resume. A second signal while the first is being handled ends the process
//! at once (exit status 128 + the signal number), for a user who does not want to wait.

#[cfg(unix)]
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The signals received so far (none until [`Interrupt::install`] is called).
#[derive(Debug, Clone)]
pub struct Interrupt {
    /// The number of the first signal received, 0 before any.
    signal: Arc<AtomicUsize>,
}

impl Interrupt {
    /// Replaces the default handling of SIGINT and SIGTERM by a flag (on Unix; elsewhere
    /// the flag is never set and the default handling stays).
    pub fn install() -> Result<Interrupt, String> {
        let signal = Arc::new(AtomicUsize::new(0));
        install_handlers(&signal).map_err(|e| format!("cannot install signal handlers: {e}"))?;
        Ok(Interrupt { signal })
    }

    /// The signal received, if any.
    pub fn received(&self) -> Option<Signal> {
        Signal::from_number(self.signal.load(Ordering::SeqCst))
    }
}

/// A signal that stops a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT (Ctrl-C).
    Int,
    /// SIGTERM.
    Term,
}

impl Signal {
    const INT: usize = 2;
    const TERM: usize = 15;

    fn from_number(n: usize) -> Option<Signal> {
        match n {
            Signal::INT => Some(Signal::Int),
            Signal::TERM => Some(Signal::Term),
            _ => None,
        }
    }

    /// `SIGINT` or `SIGTERM`.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Int => "SIGINT",
            Signal::Term => "SIGTERM",
        }
    }

    /// The exit status shells give a process ended by this signal: 128 + its number (130, 143).
    pub fn exit_status(self) -> u8 {
        match self {
            Signal::Int => 128 + Signal::INT as u8,
            Signal::Term => 128 + Signal::TERM as u8,
        }
    }
}

#[cfg(unix)]
fn install_handlers(signal: &Arc<AtomicUsize>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::flag;
    // Both signals share one "already asked" flag: the first one sets it after the
    // conditional shutdown has looked (handlers run in registration order), so only a
    // second signal ends the process.
    let asked = Arc::new(AtomicBool::new(false));
    for (sig, number) in [(SIGINT, Signal::INT), (SIGTERM, Signal::TERM)] {
        flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&asked))?;
        flag::register_usize(sig, Arc::clone(signal), number)?;
        flag::register(sig, Arc::clone(&asked))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn install_handlers(_signal: &Arc<AtomicUsize>) -> std::io::Result<()> {
    Ok(())
}
