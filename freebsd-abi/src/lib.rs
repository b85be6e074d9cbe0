// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD netlink ABI: types and constants, named as in FreeBSD's headers.
#![no_std]
#![forbid(unsafe_code)]
