// SPDX-License-Identifier: BSD-2-Clause
//! Linux netlink UAPI: types and constants, named as in the kernel's uapi headers.
#![no_std]
#![forbid(unsafe_code)]
