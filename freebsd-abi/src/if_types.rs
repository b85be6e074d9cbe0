// SPDX-License-Identifier: BSD-2-Clause
//! `sys/net/if_types.h` (`typedef enum { ... } ifType`): interface types, the raw value
//! FreeBSD puts into `ifinfomsg.ifi_type`.
//!
//! The kernel's `if_type` is a `u_char`, but these are typed `u16` because the only wire field
//! they travel in is `ifi_type` (`unsigned short`), so values compare and store without casts.

/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, generic; raw 1 reads as Linux ARPHRD_ETHER.
pub const IFT_OTHER: u16 = 0x01;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_1822: u16 = 0x02;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HDH1822: u16 = 0x03;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X25DDN: u16 = 0x04;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X25: u16 = 0x05;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, Ethernet (NICs, epair, tap).
pub const IFT_ETHER: u16 = 0x06;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88023: u16 = 0x07;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88024: u16 = 0x08;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88025: u16 = 0x09;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88026: u16 = 0x0a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_STARLAN: u16 = 0x0b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_P10: u16 = 0x0c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_P80: u16 = 0x0d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HY: u16 = 0x0e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FDDI: u16 = 0x0f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_LAPB: u16 = 0x10;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SDLC: u16 = 0x11;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_T1: u16 = 0x12;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_CEPT: u16 = 0x13;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISDNBASIC: u16 = 0x14;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISDNPRIMARY: u16 = 0x15;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PTPSERIAL: u16 = 0x16;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, PPP; also tun.
pub const IFT_PPP: u16 = 0x17;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, loopback (lo); raw 24 reads as Linux ARPHRD_IEEE1394.
pub const IFT_LOOP: u16 = 0x18;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_EON: u16 = 0x19;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_XETHER: u16 = 0x1a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_NSIP: u16 = 0x1b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SLIP: u16 = 0x1c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ULTRA: u16 = 0x1d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DS3: u16 = 0x1e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SIP: u16 = 0x1f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRELAY: u16 = 0x20;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_RS232: u16 = 0x21;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PARA: u16 = 0x22;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ARCNET: u16 = 0x23;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ARCNETPLUS: u16 = 0x24;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATM: u16 = 0x25;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MIOX25: u16 = 0x26;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SONET: u16 = 0x27;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X25PLE: u16 = 0x28;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88022LLC: u16 = 0x29;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_LOCALTALK: u16 = 0x2a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SMDSDXI: u16 = 0x2b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRELAYDCE: u16 = 0x2c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_V35: u16 = 0x2d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HSSI: u16 = 0x2e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HIPPI: u16 = 0x2f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MODEM: u16 = 0x30;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_AAL5: u16 = 0x31;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SONETPATH: u16 = 0x32;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SONETVT: u16 = 0x33;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SMDSICIP: u16 = 0x34;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, misc. virtual interfaces.
pub const IFT_PROPVIRTUAL: u16 = 0x35;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPMUX: u16 = 0x36;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IEEE80212: u16 = 0x37;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FIBRECHANNEL: u16 = 0x38;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HIPPIINTERFACE: u16 = 0x39;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRAMERELAYINTERCONNECT: u16 = 0x3a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_AFLANE8023: u16 = 0x3b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_AFLANE8025: u16 = 0x3c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_CCTEMUL: u16 = 0x3d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FASTETHER: u16 = 0x3e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISDN: u16 = 0x3f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_V11: u16 = 0x40;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_V36: u16 = 0x41;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_G703AT64K: u16 = 0x42;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_G703AT2MB: u16 = 0x43;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_QLLC: u16 = 0x44;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FASTETHERFX: u16 = 0x45;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_CHANNEL: u16 = 0x46;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IEEE80211: u16 = 0x47;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IBM370PARCHAN: u16 = 0x48;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ESCON: u16 = 0x49;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DLSW: u16 = 0x4a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISDNS: u16 = 0x4b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISDNU: u16 = 0x4c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_LAPD: u16 = 0x4d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IPSWITCH: u16 = 0x4e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_RSRB: u16 = 0x4f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMLOGICAL: u16 = 0x50;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DS0: u16 = 0x51;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DS0BUNDLE: u16 = 0x52;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_BSC: u16 = 0x53;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ASYNC: u16 = 0x54;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_CNR: u16 = 0x55;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88025DTR: u16 = 0x56;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_EPLRS: u16 = 0x57;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ARAP: u16 = 0x58;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPCNLS: u16 = 0x59;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HOSTPAD: u16 = 0x5a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_TERMPAD: u16 = 0x5b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRAMERELAYMPI: u16 = 0x5c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X213: u16 = 0x5d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ADSL: u16 = 0x5e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_RADSL: u16 = 0x5f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SDSL: u16 = 0x60;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VDSL: u16 = 0x61;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88025CRFPINT: u16 = 0x62;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MYRINET: u16 = 0x63;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEEM: u16 = 0x64;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEFXO: u16 = 0x65;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEFXS: u16 = 0x66;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEENCAP: u16 = 0x67;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEOVERIP: u16 = 0x68;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMDXI: u16 = 0x69;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMFUNI: u16 = 0x6a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMIMA: u16 = 0x6b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PPPMULTILINKBUNDLE: u16 = 0x6c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IPOVERCDLC: u16 = 0x6d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IPOVERCLAW: u16 = 0x6e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_STACKTOSTACK: u16 = 0x6f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VIRTUALIPADDRESS: u16 = 0x70;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MPC: u16 = 0x71;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IPOVERATM: u16 = 0x72;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISO88025FIBER: u16 = 0x73;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_TDLC: u16 = 0x74;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_GIGABITETHERNET: u16 = 0x75;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HDLC: u16 = 0x76;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_LAPF: u16 = 0x77;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_V37: u16 = 0x78;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X25MLP: u16 = 0x79;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_X25HUNTGROUP: u16 = 0x7a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_TRANSPHDLC: u16 = 0x7b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_INTERLEAVE: u16 = 0x7c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FAST: u16 = 0x7d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IP: u16 = 0x7e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DOCSCABLEMACLAYER: u16 = 0x7f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DOCSCABLEDOWNSTREAM: u16 = 0x80;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DOCSCABLEUPSTREAM: u16 = 0x81;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_A12MPPSWITCH: u16 = 0x82;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, gre, me, ipsec.
pub const IFT_TUNNEL: u16 = 0x83;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_COFFEE: u16 = 0x84;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_CES: u16 = 0x85;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMSUBINTERFACE: u16 = 0x86;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, vlan.
pub const IFT_L2VLAN: u16 = 0x87;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_L3IPVLAN: u16 = 0x88;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_L3IPXVLAN: u16 = 0x89;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DIGITALPOWERLINE: u16 = 0x8a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MEDIAMAILOVERIP: u16 = 0x8b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DTM: u16 = 0x8c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DCN: u16 = 0x8d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IPFORWARD: u16 = 0x8e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MSDSL: u16 = 0x8f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IEEE1394: u16 = 0x90;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IFGSN: u16 = 0x91;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DVBRCCMACLAYER: u16 = 0x92;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DVBRCCDOWNSTREAM: u16 = 0x93;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DVBRCCUPSTREAM: u16 = 0x94;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMVIRTUAL: u16 = 0x95;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MPLSTUNNEL: u16 = 0x96;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SRP: u16 = 0x97;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEOVERATM: u16 = 0x98;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_VOICEOVERFRAMERELAY: u16 = 0x99;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IDSL: u16 = 0x9a;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_COMPOSITELINK: u16 = 0x9b;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SS7SIGLINK: u16 = 0x9c;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPWIRELESSP2P: u16 = 0x9d;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRFORWARD: u16 = 0x9e;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_RFC1483: u16 = 0x9f;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_USB: u16 = 0xa0;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, lagg.
pub const IFT_IEEE8023ADLAG: u16 = 0xa1;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_BGPPOLICYACCOUNTING: u16 = 0xa2;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRF16MFRBUNDLE: u16 = 0xa3;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_H323GATEKEEPER: u16 = 0xa4;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_H323PROXY: u16 = 0xa5;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MPLS: u16 = 0xa6;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MFSIGLINK: u16 = 0xa7;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HDSL2: u16 = 0xa8;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SHDSL: u16 = 0xa9;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DS1FDL: u16 = 0xaa;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_POS: u16 = 0xab;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DVBASILN: u16 = 0xac;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DVBASIOUT: u16 = 0xad;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PLC: u16 = 0xae;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_NFAS: u16 = 0xaf;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_TR008: u16 = 0xb0;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_GR303RDT: u16 = 0xb1;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_GR303IDT: u16 = 0xb2;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ISUP: u16 = 0xb3;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPDOCSWIRELESSMACLAYER: u16 = 0xb4;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPDOCSWIRELESSDOWNSTREAM: u16 = 0xb5;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPDOCSWIRELESSUPSTREAM: u16 = 0xb6;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_HIPERLAN2: u16 = 0xb7;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_PROPBWAP2MP: u16 = 0xb8;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_SONETOVERHEADCHANNEL: u16 = 0xb9;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_DIGITALWRAPPEROVERHEADCHANNEL: u16 = 0xba;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_AAL2: u16 = 0xbb;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_RADIOMAC: u16 = 0xbc;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMRADIO: u16 = 0xbd;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_IMT: u16 = 0xbe;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_MVL: u16 = 0xbf;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_REACHDSL: u16 = 0xc0;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_FRDLCIENDPT: u16 = 0xc1;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_ATMVCIENDPT: u16 = 0xc2;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_OPTICALCHANNEL: u16 = 0xc3;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`.
pub const IFT_OPTICALTRANSPORT: u16 = 0xc4;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, InfiniBand.
pub const IFT_INFINIBAND: u16 = 0xc7;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, if_bridge.
pub const IFT_BRIDGE: u16 = 0xd1;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, 6to4.
pub const IFT_STF: u16 = 0xd7;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, gif (not IANA).
pub const IFT_GIF: u16 = 0xf0;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, unused (not IANA).
pub const IFT_PVC: u16 = 0xf1;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, enc (not IANA).
pub const IFT_ENC: u16 = 0xf4;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, pflog (not IANA).
pub const IFT_PFLOG: u16 = 0xf6;
/// FreeBSD: sys/net/if_types.h enum ifType; u16 `ifi_type`, pfsync (not IANA).
pub const IFT_PFSYNC: u16 = 0xf7;
