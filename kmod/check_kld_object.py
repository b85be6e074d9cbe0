#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Check an ELF object against the rules of FreeBSD's amd64 kernel module loader.

On amd64 a kernel module (.ko) is a relocatable object (ET_REL) loaded by
sys/kern/link_elf_obj.c, which applies relocations through elf_reloc() /
elf_reloc_local() in sys/amd64/amd64/elf_machdep.c. This tool reads an object
the way those two files do and reports everything they would refuse, or load
wrongly, with the rule that applies. Sources read (function names are given
because line numbers move between branches):

  stable/14: sys/kern/link_elf_obj.c $FreeBSD: 6b5a6df0a56f, and
             sys/amd64/amd64/elf_machdep.c, as vendored in
             sobomax/freebsd14_vendor @0f7ff3427c99;
  main:      sys/kern/link_elf_obj.c as in aokblast/freebsd-src @5203699dfbf7
             (adds SHT_INIT_ARRAY/SHT_FINI_ARRAY, see L4).

Rules (each finding names one):

  L1  link_elf_load_file(): the file must be ELFCLASS64, ELFDATA2LSB,
      EV_CURRENT, e_type ET_REL ("Unsupported file type"; other types go to
      link_elf.c, the loader of the kernel and of shared objects), e_machine
      EM_X86_64, and e_shentsize must equal sizeof(Elf64_Shdr).
  L2  link_elf_load_file(): exactly one SHT_SYMTAB ("file must have exactly
      one symbol table"), whose sh_link names an SHT_STRTAB ("file has
      invalid symbol strings").
  L3  link_elf_load_file(): at least one loaded section ("file has no
      contents").
  L4  link_elf_load_file(): only sections of type SHT_PROGBITS, SHT_NOBITS and
      (amd64) SHT_X86_64_UNWIND with SHF_ALLOC and a non-zero size are loaded
      (main also loads SHT_INIT_ARRAY/SHT_FINI_ARRAY; 14.x does not, so they
      count as not loaded here). Any other allocated section (say an SHT_NOTE
      build id) is silently left out; that is refused when something refers to
      it: a relocation section targets it, a symbol other than its section
      symbol is defined in it (the loader would not relocate its value), or an
      applied relocation uses a symbol in it.
  L5  link_elf_load_file(): a SHT_REL/SHT_RELA section is applied when its
      target (sh_info) has SHF_ALLOC; relocate_file() / link_elf_reloc_local()
      then need the target to be a loaded section ("lost base for relatab").
  L6  elf_reloc_internal() (amd64): the relocation types it applies are
      R_X86_64_NONE, _64, _PC32, _PLT32 (treated like PC32), _32S, _GLOB_DAT,
      _JUMP_SLOT, _RELATIVE and _IRELATIVE; R_X86_64_COPY is refused
      ("unexpected R_COPY relocation") and every other type is refused with
      "kldload: unexpected relocation type N". _32S stores the low 32 bits of
      S + A without a range check; that is correct only because
      link_elf_load_file() maps amd64 modules at or above KERNBASE.
  L7  relocate_file() / link_elf_reloc_local() skip (leave unapplied) a
      relocation whose symbol index is beyond the symbol table.
  L8  No thread-local storage: elf_reloc_internal() has no TLS relocation
      type and the loader sets up no TLS block, so STT_TLS symbols and SHF_TLS
      sections are refused.
  L9  No COMMON symbols: link_elf_load_file() only relocates the values of
      symbols whose st_shndx is a loaded section, and elf_obj_lookup() returns
      st_value for any st_shndx other than SHN_UNDEF, so an SHN_COMMON symbol
      (value = its alignment) would resolve to a bogus address.
  L10 elf_obj_lookup(): an undefined local symbol fails; an undefined global
      or weak symbol is looked up in the kernel and the module's dependencies
      (linker_file_lookup_symbol()). Only names the kernel is known to export
      are accepted (--allow-undefined adds more).
  H1  Not a loader rule but hygiene: sections the loader never reads
      (.llvmbc, .llvmcmd, .debug_*) are dead weight in a shipped object.

Exit status: 0 when the object passes, 1 with one line per finding otherwise,
2 on usage or I/O errors.
"""

import argparse
import sys

from elftools.elf.elffile import ELFFile
from elftools.elf.enums import (
    ENUM_RELOC_TYPE_x64,
    ENUM_SH_TYPE_AMD64,
    ENUM_SH_TYPE_BASE,
)

# Section header flags (ELF gABI).
SHF_ALLOC = 0x2
SHF_TLS = 0x400

SHT_PROGBITS = 1
SHT_SYMTAB = 2
SHT_STRTAB = 3
SHT_RELA = 4
SHT_NOBITS = 8
SHT_REL = 9
SHT_X86_64_UNWIND = 0x70000001

# Types link_elf_load_file() loads on amd64 in both 14.x and main (L4).
LOADED_TYPES = {SHT_PROGBITS, SHT_NOBITS, SHT_X86_64_UNWIND}

# Relocation types elf_reloc_internal() applies (L6), by number (ELF x86-64 psABI).
ACCEPTED_RELOCS = {
    0: "R_X86_64_NONE",
    1: "R_X86_64_64",
    2: "R_X86_64_PC32",
    4: "R_X86_64_PLT32",
    6: "R_X86_64_GLOB_DAT",
    7: "R_X86_64_JUMP_SLOT",
    8: "R_X86_64_RELATIVE",
    11: "R_X86_64_32S",
    37: "R_X86_64_IRELATIVE",
}

# Names the amd64 kernel defines for modules to link against (L10):
# memcmp is an ENTRY in sys/amd64/amd64/support.S; memcpy, memmove and memset are
# ifuncs in sys/amd64/amd64/machdep.c (DEFINE_IFUNC) choosing between the
# memcpy_std/memcpy_erms, memmove_std/memmove_erms and memset_std/memset_erms
# routines of support.S. link_elf_obj.c resolves STT_GNU_IFUNC symbols by calling
# the resolver (elf_obj_lookup() / link_elf_symbol_values()).
KERNEL_EXPORTS = {"memcmp", "memcpy", "memmove", "memset"}

# Sections H1 refuses by name prefix.
DEAD_WEIGHT_PREFIXES = (".llvmbc", ".llvmcmd", ".debug_")

_SH_TYPES = dict(ENUM_SH_TYPE_BASE)
_SH_TYPES.update(ENUM_SH_TYPE_AMD64)
_RELOC_NAMES = {v: k for k, v in ENUM_RELOC_TYPE_x64.items() if isinstance(v, int)}


def _sh_type(section):
    """The numeric sh_type (pyelftools gives names for the types it knows)."""
    value = section["sh_type"]
    if isinstance(value, int):
        return value
    return _SH_TYPES.get(value, -1)


def _reloc_name(rtype):
    return _RELOC_NAMES.get(rtype, "unknown")


def check(path, allow_undefined=(), expect_globals=None):
    """Return the list of findings (strings) for the object at `path`."""
    findings = []

    def bad(rule, text):
        findings.append(f"{rule}: {text}")

    with open(path, "rb") as stream:
        try:
            elf = ELFFile(stream)
        except Exception as err:  # pyelftools raises its own error types
            return [f"L1: not an ELF file: {err}"]
        hdr = elf.header
        ident = hdr["e_ident"]
        if ident["EI_CLASS"] != "ELFCLASS64":
            bad("L1", f"class {ident['EI_CLASS']}, expected ELFCLASS64")
        if ident["EI_DATA"] != "ELFDATA2LSB":
            bad("L1", f"data encoding {ident['EI_DATA']}, expected ELFDATA2LSB")
        if ident["EI_VERSION"] != "EV_CURRENT" or hdr["e_version"] != "EV_CURRENT":
            bad("L1", "ELF version is not EV_CURRENT")
        if hdr["e_type"] != "ET_REL":
            bad("L1", f"e_type {hdr['e_type']}: amd64 modules must be ET_REL")
        if hdr["e_machine"] != "EM_X86_64":
            bad("L1", f"e_machine {hdr['e_machine']}, expected EM_X86_64")
        if hdr["e_shentsize"] != 64:
            bad("L1", f"e_shentsize {hdr['e_shentsize']} != sizeof(Elf64_Shdr) 64")
        if findings:
            return findings

        sections = list(elf.iter_sections())
        loaded = set()
        not_loaded = {}  # allocated sections the loader leaves out (L4): index -> description
        l4 = set()  # (section index, reason) pairs found so far

        def refer_to_unloaded(index, why):
            if index in not_loaded:
                l4.add((index, why))
        symtabs = []
        for index, sec in enumerate(sections):
            stype = _sh_type(sec)
            flags = sec["sh_flags"]
            if sec.name.startswith(DEAD_WEIGHT_PREFIXES):
                bad("H1", f"section {sec.name} is never read by the loader; strip it")
            if sec["sh_size"] == 0:
                continue  # link_elf_load_file() skips empty sections entirely
            if stype == SHT_SYMTAB:
                symtabs.append(index)
            if flags & SHF_TLS:
                bad("L8", f"section {sec.name} is thread-local (SHF_TLS)")
            if flags & SHF_ALLOC:
                if stype in LOADED_TYPES:
                    loaded.add(index)
                else:
                    not_loaded[index] = f"{sec.name} ({sec['sh_type']})"
        if not loaded:
            bad("L3", "no loaded section (file has no contents)")
        if len(symtabs) != 1:
            bad("L2", f"{len(symtabs)} symbol tables, the loader needs exactly one")
            return findings
        symtab = sections[symtabs[0]]
        link = symtab["sh_link"]
        if link >= len(sections) or _sh_type(sections[link]) != SHT_STRTAB:
            bad("L2", f"symbol table's sh_link {link} is not a string table")
            return findings
        symbols = list(symtab.iter_symbols())

        # Relocations (L5-L7).
        for sec in sections:
            stype = _sh_type(sec)
            if stype not in (SHT_REL, SHT_RELA) or sec["sh_size"] == 0:
                continue
            target = sec["sh_info"]
            if target >= len(sections):
                bad("L5", f"{sec.name} targets section {target}, which does not exist")
                continue
            if not sections[target]["sh_flags"] & SHF_ALLOC:
                continue  # the loader ignores it (and H1 may flag the target)
            if target not in loaded:
                bad("L5", f"{sec.name} relocates {sections[target].name}, which is not loaded")
                refer_to_unloaded(target, f"relocated by {sec.name}")
            counts = {}
            for rel in sec.iter_relocations():
                rtype = rel["r_info_type"]
                symidx = rel["r_info_sym"]
                if symidx >= len(symbols):
                    bad("L7", f"{sec.name}: symbol index {symidx} beyond the symbol table")
                else:
                    shndx = symbols[symidx]["st_shndx"]
                    if isinstance(shndx, int):
                        name = symbols[symidx].name or "its section symbol"
                        refer_to_unloaded(shndx, f"{sec.name} uses {name}")
                if rtype not in ACCEPTED_RELOCS:
                    sym = symbols[symidx].name if symidx < len(symbols) else "?"
                    key = (rtype, sym)
                    counts[key] = counts.get(key, 0) + 1
            for (rtype, sym), n in sorted(counts.items()):
                bad(
                    "L6",
                    f"{sec.name}: {n} x {_reloc_name(rtype)} (type {rtype}) against "
                    f"'{sym}': kldload: unexpected relocation type {rtype}",
                )

        # Symbols (L8-L10).
        allowed = KERNEL_EXPORTS | set(allow_undefined)
        defined_globals = set()
        for index, sym in enumerate(symbols):
            if index == 0:
                continue
            stype = sym["st_info"]["type"]
            bind = sym["st_info"]["bind"]
            shndx = sym["st_shndx"]
            if stype == "STT_TLS":
                bad("L8", f"symbol {sym.name} is thread-local (STT_TLS)")
            if shndx == "SHN_COMMON":
                bad("L9", f"symbol {sym.name} is COMMON; the loader does not allocate it")
            elif shndx == "SHN_UNDEF":
                if bind == "STB_LOCAL":
                    bad("L10", f"local symbol {sym.name or index} is undefined")
                elif sym.name not in allowed:
                    bad("L10", f"undefined symbol {sym.name} is not one the kernel exports")
            elif bind in ("STB_GLOBAL", "STB_WEAK"):
                defined_globals.add(sym.name)
            if isinstance(shndx, int) and stype != "STT_SECTION":
                refer_to_unloaded(shndx, f"symbol {sym.name} is defined in it")
        for index, why in sorted(l4):
            bad("L4", f"allocated section {not_loaded[index]} is not loaded, but {why}")
        if expect_globals is not None and defined_globals != set(expect_globals):
            bad(
                "EXPORTS",
                f"global symbols {sorted(defined_globals)}, expected {sorted(expect_globals)}",
            )
    return findings


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("object", help="relocatable object to check")
    parser.add_argument(
        "--allow-undefined",
        action="append",
        default=[],
        metavar="NAME",
        help="accept this undefined symbol besides the kernel's memcpy/memmove/memset/memcmp",
    )
    parser.add_argument(
        "--expect-global",
        action="append",
        default=None,
        metavar="NAME",
        help="the object must define exactly these global symbols (repeat)",
    )
    args = parser.parse_args(argv)
    try:
        findings = check(args.object, args.allow_undefined, args.expect_global)
    except OSError as err:
        print(f"check_kld_object: {err}", file=sys.stderr)
        return 2
    for finding in findings:
        print(f"check_kld_object: {args.object}: {finding}")
    if findings:
        return 1
    print(f"check_kld_object: {args.object}: OK (FreeBSD amd64 link_elf_obj rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
