// SPDX-License-Identifier: BSD-2-Clause
//! C ABI of the translator for FreeBSD's kernel (the only crate that may use `unsafe`).
//!
//! Built with the `kernel` feature it is `no_std` and brings its own panic handler; without it
//! (host builds for the C driver test and miri) it links `std`.
#![cfg_attr(feature = "kernel", no_std)]

#[cfg(feature = "kernel")]
mod kernel {
    extern "C" {
        /// Supplied by the kernel glue (`panic(9)` there). `make kernel` proves it is never
        /// referenced by reachable code.
        fn nlcompat_panic_hook() -> !;
    }

    #[panic_handler]
    fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
        #[expect(unsafe_code, reason = "calling the C panic hook is the only way out")]
        // SAFETY: the hook takes no arguments and never returns, as its C prototype says.
        unsafe {
            nlcompat_panic_hook()
        }
    }
}
