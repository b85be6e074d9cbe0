# SPDX-License-Identifier: BSD-2-Clause
"""Tests of kmod/check_kld_object.py and kmod/nlcompat_provider_check.h.

The objects the checker is run on are produced here, at run time, by clang (and ld) from small
C sources written to show one property each; none is produced by the code under test. What
each fixture contains is asserted with readelf before the checker's verdict is, so a test
cannot pass because clang stopped producing the construct it is about.

Run: python3 kmod/tests/test_kmod.py (tests/scripts/kernel-check.sh does).
Needs clang, binutils (readelf, ld) and python3-pyelftools; a missing tool is a failure.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

KMOD = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, KMOD)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import check_kld_object  # noqa: E402  (path set up above)

# Code generation a FreeBSD amd64 module gets from sys/conf/kern.mk: kernel code model, no PIC,
# no red zone; -ffreestanding -fno-builtin keep the libcalls visible as calls.
KERNEL_CFLAGS = [
    "-target", "x86_64-unknown-freebsd", "-O2", "-ffreestanding", "-fno-builtin",
    "-mcmodel=kernel", "-fno-pic", "-mno-red-zone", "-fno-asynchronous-unwind-tables",
]
PIC_CFLAGS = [
    "-target", "x86_64-unknown-freebsd", "-O2", "-ffreestanding", "-fno-builtin",
    "-fPIC", "-fno-plt", "-fno-asynchronous-unwind-tables",
]

CALLS_MEMCPY = """
typedef unsigned long size_t;
void *memcpy(void *, const void *, size_t);
int entry(char *d, const char *s, size_t n) { memcpy(d, s, n); return 0; }
"""


def need(tool):
    path = shutil.which(tool)
    if path is None:
        raise AssertionError(f"{tool} is required for these tests (install it; .ci/run does)")
    return path


class Fixtures(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nlcompat-kmod-test-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def compile(self, name, source, flags):
        src = self.path(name + ".c")
        obj = self.path(name + ".o")
        with open(src, "w") as f:
            f.write(source)
        subprocess.run([need("clang"), "-c", *flags, src, "-o", obj], check=True)
        return obj

    def readelf(self, *args):
        return subprocess.run(
            [need("readelf"), "-W", *args], check=True, capture_output=True, text=True
        ).stdout

    def findings(self, obj, **kw):
        return check_kld_object.check(obj, **kw)

    def assertRule(self, findings, rule, *words):
        hits = [f for f in findings if f.startswith(rule + ":")]
        self.assertTrue(hits, f"no {rule} finding in {findings}")
        for word in words:
            self.assertTrue(any(word in f for f in hits), f"{word!r} not in {hits}")


class LoaderRules(Fixtures):
    def test_kernel_model_call_passes(self):
        obj = self.compile("good", CALLS_MEMCPY, KERNEL_CFLAGS)
        self.assertIn("R_X86_64_PLT32", self.readelf("-r", obj))
        self.assertEqual(self.findings(obj), [])
        self.assertEqual(self.findings(obj, expect_globals=["entry"]), [])

    def test_unexpected_exports_are_reported(self):
        obj = self.compile("good", CALLS_MEMCPY, KERNEL_CFLAGS)
        self.assertRule(self.findings(obj, expect_globals=["other"]), "EXPORTS", "entry")

    def test_gotpcrel_call_is_refused(self):
        # `call *memcpy@GOTPCREL(%rip)` without relaxation hints: what the fat-LTO build emitted.
        obj = self.compile(
            "got", CALLS_MEMCPY, PIC_CFLAGS + ["-Wa,-mrelax-relocations=no"]
        )
        self.assertIn("R_X86_64_GOTPCREL ", self.readelf("-r", obj))
        self.assertRule(
            self.findings(obj), "L6", "R_X86_64_GOTPCREL (type 9)", "'memcpy'",
            "unexpected relocation type 9",
        )

    def test_gotpcrelx_call_is_refused(self):
        obj = self.compile("gotx", CALLS_MEMCPY, PIC_CFLAGS)
        self.assertIn("R_X86_64_GOTPCRELX", self.readelf("-r", obj))
        self.assertRule(self.findings(obj), "L6", "type 41", "'memcpy'")

    def test_absolute_32bit_is_refused(self):
        # R_X86_64_32 (zero-extended) has no case in elf_reloc_internal().
        obj = self.compile(
            "abs32",
            "extern char buf[]; unsigned long f(void) { return (unsigned long)buf; }\n",
            [f for f in KERNEL_CFLAGS if f != "-mcmodel=kernel"] + ["-mcmodel=small"],
        )
        self.assertIn("R_X86_64_32 ", self.readelf("-r", obj))
        self.assertRule(self.findings(obj), "L6", "R_X86_64_32 (type 10)", "'buf'")

    def test_thread_local_is_refused(self):
        obj = self.compile("tls", "__thread int t; int f(void) { return t; }\n", KERNEL_CFLAGS)
        self.assertIn(" TLS ", self.readelf("-s", obj))
        found = self.findings(obj)
        self.assertRule(found, "L8", "STT_TLS", "SHF_TLS")
        self.assertRule(found, "L6", "R_X86_64_TPOFF32")

    def test_common_symbol_is_refused(self):
        obj = self.compile("common", "int c;\n", KERNEL_CFLAGS + ["-fcommon"])
        self.assertIn(" COM ", self.readelf("-s", obj))
        self.assertRule(self.findings(obj), "L9", "symbol c is COMMON")

    def test_undefined_symbol_the_kernel_lacks_is_refused(self):
        obj = self.compile(
            "undef", "void nlc_nowhere(void); void f(void) { nlc_nowhere(); }\n", KERNEL_CFLAGS
        )
        self.assertIn("UND nlc_nowhere", self.readelf("-s", obj))
        found = self.findings(obj)
        self.assertRule(found, "L10", "nlc_nowhere")
        self.assertEqual(self.findings(obj, allow_undefined=["nlc_nowhere"]), [])

    def test_init_array_is_not_loaded(self):
        # main's loader runs .init_array; 14.x's does not load SHT_INIT_ARRAY at all.
        obj = self.compile(
            "ctor",
            'void f(void) {}\n__asm__(".section .init_array,\\"aw\\",@init_array\\n'
            '.quad f\\n.text");\n',
            KERNEL_CFLAGS,
        )
        self.assertIn("INIT_ARRAY", self.readelf("-S", obj))
        found = self.findings(obj)
        self.assertRule(found, "L4", ".init_array")
        self.assertRule(found, "L5", ".rela.init_array")

    NOTE_ASM = (
        '__asm__(".section .note.nlc,\\"a\\",@note\\n.balign 4\\n%s'
        '.long 4, 4, 1\\n.asciz \\"nlc\\"\\n.long 0\\n.text");\n'
    )

    def test_unreferenced_allocated_note_is_left_out_harmlessly(self):
        # Like a build-id note: the loader skips it, and nothing needs it.
        obj = self.compile("note", CALLS_MEMCPY + self.NOTE_ASM % "", KERNEL_CFLAGS)
        self.assertRegex(self.readelf("-S", obj), r"\.note\.nlc +NOTE .* A ")
        self.assertEqual(self.findings(obj), [])

    def test_symbol_in_unloaded_section_is_refused(self):
        obj = self.compile(
            "notesym",
            CALLS_MEMCPY + self.NOTE_ASM % ".globl nlc_in_note\\nnlc_in_note:\\n",
            KERNEL_CFLAGS,
        )
        self.assertIn("nlc_in_note", self.readelf("-s", obj))
        self.assertRule(self.findings(obj), "L4", ".note.nlc", "nlc_in_note")

    def test_debug_sections_are_dead_weight_but_their_relocations_are_not_applied(self):
        # With -g, .debug_info carries R_X86_64_32 relocations, which the loader would refuse
        # in an allocated section; it never applies them to a non-allocated one (L5).
        obj = self.compile("debug", CALLS_MEMCPY, KERNEL_CFLAGS + ["-g"])
        relocs = self.readelf("-r", obj)
        self.assertIn(".rela.debug_info", relocs)
        self.assertIn("R_X86_64_32 ", relocs)
        found = self.findings(obj)
        self.assertRule(found, "H1", ".debug_info")
        self.assertEqual([f for f in found if not f.startswith("H1:")], [])

    def test_two_symbol_tables_are_refused(self):
        obj = self.compile("good", CALLS_MEMCPY, KERNEL_CFLAGS)
        # Turn the .comment section header into a second SHT_SYMTAB (linked to .strtab).
        with open(obj, "r+b") as f:
            data = bytearray(f.read())
            shoff = struct.unpack_from("<Q", data, 0x28)[0]
            shnum, shstrndx = struct.unpack_from("<HH", data, 0x3C)
            str_off = struct.unpack_from("<Q", data, shoff + shstrndx * 64 + 0x18)[0]

            def name(i):
                at = str_off + struct.unpack_from("<I", data, shoff + i * 64)[0]
                return bytes(data[at:data.index(0, at)]).decode()

            names = [name(i) for i in range(shnum)]
            comment, strtab = names.index(".comment"), names.index(".strtab")
            hdr = shoff + comment * 64
            struct.pack_into("<I", data, hdr + 4, 2)  # sh_type = SHT_SYMTAB
            struct.pack_into("<I", data, hdr + 40, strtab)  # sh_link
            f.seek(0)
            f.write(data)
        self.assertEqual(self.readelf("-S", obj).count(" SYMTAB "), 2)
        self.assertRule(self.findings(obj), "L2", "2 symbol tables")

    def test_shared_object_is_refused(self):
        obj = self.compile("pic", CALLS_MEMCPY, PIC_CFLAGS)
        so = self.path("pic.so")
        subprocess.run([need("ld"), "-shared", "-o", so, obj], check=True)
        self.assertRule(self.findings(so), "L1", "ET_DYN")

    def test_command_line_exit_status(self):
        good = self.compile("good", CALLS_MEMCPY, KERNEL_CFLAGS)
        bad = self.compile("got", CALLS_MEMCPY, PIC_CFLAGS + ["-Wa,-mrelax-relocations=no"])
        script = os.path.join(KMOD, "check_kld_object.py")
        ok = subprocess.run([sys.executable, script, good], capture_output=True, text=True)
        self.assertEqual(ok.returncode, 0, ok.stdout + ok.stderr)
        no = subprocess.run([sys.executable, script, bad], capture_output=True, text=True)
        self.assertEqual(no.returncode, 1, no.stdout + no.stderr)
        self.assertIn("unexpected relocation type 9", no.stdout)


class ProviderGeneration(unittest.TestCase):
    """nlcompat_provider_check.h against test doubles of the three netlink_linux.h generations."""

    def compile(self, generation):
        doubles = os.path.join(KMOD, "tests", "provider")
        return subprocess.run(
            # CSTD and CWARNFLAGS as sys/conf/kern.mk sets them, warnings as errors.
            [need("clang"), "-fsyntax-only", "-std=iso9899:1999", "-ffreestanding", "-Werror",
             "-Wall", "-Wredundant-decls", "-Wnested-externs", "-Wstrict-prototypes",
             "-Wmissing-prototypes", "-Wpointer-arith", "-Wcast-qual", "-Wundef",
             "-Wno-pointer-sign",
             "-I", os.path.join(doubles, generation), "-I", KMOD,
             os.path.join(doubles, "check.c")],
            capture_output=True, text=True,
        )

    def test_nl_buf_generation_compiles(self):
        res = self.compile("nl_buf")
        self.assertEqual(res.returncode, 0, res.stderr)

    def test_nl_writer_generation_fails_with_the_reason(self):
        res = self.compile("nl_writer")
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("msgs_to_linux is not", res.stderr)
        self.assertIn("older generation (nl_writer or mbuf)", res.stderr)
        self.assertNotIn("msg_from_linux is not", res.stderr)

    def test_mbuf_generation_fails_with_the_reason(self):
        res = self.compile("mbuf")
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("msgs_to_linux is not", res.stderr)
        self.assertIn("msg_from_linux is not", res.stderr)


class GlueTypeCheck(unittest.TestCase):
    """kmod/nlcompat_kmod.c against the stand-in kernel headers of kmod/tests/kernel/.

    No FreeBSD tree here: the stand-ins declare what the glue uses with FreeBSD's shapes, so
    this catches calls with wrong arguments (the three nlcompat.h entry points are the real
    header's), unknown members and type mismatches, not differences from a real tree.
    """

    FLAGS = [
        "-fsyntax-only", "-std=iso9899:1999", "-ffreestanding", "-D_KERNEL", "-Werror",
        "-Wall", "-Wredundant-decls", "-Wnested-externs", "-Wstrict-prototypes",
        "-Wmissing-prototypes", "-Wpointer-arith", "-Wcast-qual", "-Wundef",
        "-Wno-pointer-sign",
    ]

    def compile(self, source):
        root = os.path.dirname(KMOD)
        return subprocess.run(
            [need("clang"), *self.FLAGS, "-I", os.path.join(KMOD, "tests", "kernel"),
             "-I", os.path.join(root, "ffi", "include"), "-I", KMOD, "-x", "c", "-"],
            input=source, capture_output=True, text=True,
        )

    def glue(self):
        with open(os.path.join(KMOD, "nlcompat_kmod.c")) as f:
            return f.read()

    def test_glue_compiles(self):
        res = self.compile(self.glue())
        self.assertEqual(res.returncode, 0, res.stderr)

    def test_glue_cuts_with_the_framing_entry_point(self):
        src = self.glue()
        self.assertIn("nlcompat_first_datagram(", src)
        # The stand-ins check the call: one argument too many is an error.
        bad = src.replace("NLCOMPAT_NLMSG_GOODSIZE);", "NLCOMPAT_NLMSG_GOODSIZE, 0);", 1)
        self.assertNotEqual(bad, src)
        res = self.compile(bad)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("too many arguments", res.stderr)

    def test_stand_ins_check_members(self):
        bad = self.glue().replace("sb->sb_ccc", "sb->sb_cc", 1)
        res = self.compile(bad)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("no member named 'sb_cc'", res.stderr)


if __name__ == "__main__":
    unittest.main()
