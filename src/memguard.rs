//! A ceiling on what one template render may allocate.
//!
//! Tera cannot be interrupted: `{% set_global s = s ~ s %}` in a loop doubles a string until
//! the machine runs out of memory, without writing a byte of output. The binary installs
//! [`Guard`] as its allocator; [`within`] gives the current thread a budget of bytes for the
//! duration of a render. An allocation beyond it ends the process with an error that names the
//! template (exit status 1): an allocator may not unwind, and the render cannot be resumed.
//! Outside [`within`], or in a program that does not install the guard, nothing is counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;

/// The allocator of the `donorbook` binary: the system allocator plus the budget check.
pub struct Guard;

thread_local! {
    /// Bytes this thread may still allocate in the current render; `None` outside a render.
    static LEFT: Cell<Option<isize>> = const { Cell::new(None) };
    /// The template being rendered, for the message (a `&str` that outlives the render).
    static TEMPLATE: Cell<(*const u8, usize)> = const { Cell::new((std::ptr::null(), 0)) };
}

/// Runs `f` with a budget of `bytes` net allocations on this thread, for template `name`.
pub fn within<T>(name: &str, bytes: u64, f: impl FnOnce() -> T) -> T {
    let outer = LEFT.with(|l| l.replace(Some(isize::try_from(bytes).unwrap_or(isize::MAX))));
    let outer_name = TEMPLATE.with(|t| t.replace((name.as_ptr(), name.len())));
    let out = f();
    LEFT.with(|l| l.set(outer));
    TEMPLATE.with(|t| t.set(outer_name));
    out
}

/// Counts `delta` bytes against the budget; false when it is exhausted.
fn charge(delta: isize) -> bool {
    LEFT.try_with(|l| match l.get() {
        None => true,
        Some(left) => {
            let left = left.saturating_sub(delta);
            l.set(Some(left));
            left >= 0 || delta <= 0
        }
    })
    .unwrap_or(true)
}

/// Reports the exhausted budget and exits; nothing here allocates.
fn exceeded() -> ! {
    LEFT.with(|l| l.set(None));
    let (ptr, len) = TEMPLATE.with(Cell::get);
    // SAFETY: `within` stored a `&str` that outlives the render running on this thread.
    let name = if ptr.is_null() { "?" } else { unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) } };
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(b"error: rendering with template `");
    let _ = e.write_all(name.as_bytes());
    let _ = e.write_all(
        b"` needed more memory than one render may use (4 x site.yaml `limits.max_render_mb`); the build was stopped and the previous output left as it was\n  = help: look for a loop that grows a variable, such as `{% set_global s = s ~ s %}`\n",
    );
    let _ = e.flush();
    std::process::exit(1)
}

// SAFETY: every call is forwarded to `System`; the budget only decides whether to forward.
unsafe impl GlobalAlloc for Guard {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !charge(layout.size() as isize) {
            exceeded();
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !charge(layout.size() as isize) {
            exceeded();
        }
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        charge(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !charge(new_size as isize - layout.size() as isize) {
            exceeded();
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
