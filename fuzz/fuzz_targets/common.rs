// SPDX-License-Identifier: BSD-2-Clause
//! A fixed host shared by the fuzz targets: 1 em0 (eth0), 2 em1 (eth1), 3 lo0, 4 bridge0.

use nlcompat::{StaticHost, StaticIf};

const IFS: &[StaticIf<'static>] = &[
    StaticIf { index: 1, name: b"em0", iftype: 6, linux_ethno: Some(0) },
    StaticIf { index: 2, name: b"em1", iftype: 6, linux_ethno: Some(1) },
    StaticIf { index: 3, name: b"lo0", iftype: 24, linux_ethno: None },
    StaticIf { index: 4, name: b"bridge0", iftype: 209, linux_ethno: None },
];

/// The fuzzing host.
pub fn host() -> StaticHost<'static> {
    StaticHost { ifs: IFS, real_names: false }
}

/// Picks the protocol from the first input byte so both tables get exercised.
pub fn proto(data: &[u8]) -> nlcompat::Proto {
    match data.first() {
        Some(b) if b & 1 == 1 => nlcompat::Proto::Generic,
        _ => nlcompat::Proto::Route,
    }
}
