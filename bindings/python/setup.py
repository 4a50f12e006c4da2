"""Builds the pith module over libpith.

libpith comes from, in this order:
  - PITH_BUILD_DIR, or the repository's build/ (CMake's build directory):
    its static libpith.a (position-independent objects), with the
    dependencies the repository's pith.pc.in names (zlib, libdeflate, ...)
    from pkg-config;
  - an installed libpith (`cmake --install`), found with pkg-config. Set PITH_SANITIZE=1 when libpith was built with PITH_SANITIZE.
"""

import os
import re
import subprocess

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def pkg_config(*args, path=None):
    env = dict(os.environ)
    if path:
        env["PKG_CONFIG_PATH"] = os.pathsep.join(p for p in (path, env.get("PKG_CONFIG_PATH")) if p)
    try:
        out = subprocess.run(["pkg-config", *args], check=True, capture_output=True, text=True, env=env)
    except FileNotFoundError:
        raise SystemExit("pith: pkg-config is missing (Debian: apt-get install pkg-config)")
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"pith: pkg-config {' '.join(args)} failed: {e.stderr.strip()}")
    return out.stdout.split()


def pc_fields(path):
    """The fields of a pkg-config file ("Requires.private": "zlib ...")."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.partition(":")
            if sep and "=" not in key:
                fields[key.strip()] = value.strip()
    return fields


def libpith():
    """(include dirs, objects to link, linker arguments) for libpith."""
    build = os.environ.get("PITH_BUILD_DIR") or os.path.join(REPO, "build")
    archive = os.path.join(build, "libpith.a")
    template = os.path.join(REPO, "pith.pc.in")
    if os.path.exists(archive) and os.path.exists(template):
        # The repository's pith.pc.in names libpith's dependencies: their
        # flags from pkg-config, libpith itself from the build directory.
        pc = pc_fields(template)
        modules = (pc.get("Requires", "") + " " + pc.get("Requires.private", "")).replace(",", " ")
        names = [m for m in modules.split() if re.match(r"^[A-Za-z]", m)]
        libs = pkg_config("--libs", *names) if names else []
        return [os.path.join(REPO, "include")], [archive], libs + pc.get("Libs.private", "").split()
    if subprocess.run(["pkg-config", "--exists", "pith"]).returncode == 0:
        libdir = pkg_config("--variable=libdir", "pith")[0]
        cflags = pkg_config("--cflags-only-I", "pith")
        libs = [a for a in pkg_config("--static", "--libs", "pith") if a != "-lpith"]
        return [c[2:] for c in cflags], [os.path.join(libdir, "libpith.a")], libs
    raise SystemExit(
        "pith: libpith not found. Build it first (from the repository: ./setup.sh, or "
        "cmake -S . -B build && cmake --build build), or set PITH_BUILD_DIR to its build "
        "directory, or install it (cmake --install build).")


def version(include_dirs):
    for d in include_dirs:
        try:
            with open(os.path.join(d, "pith.h"), encoding="utf-8") as f:
                m = re.search(r'#define PITH_VERSION "([^"]+)"', f.read())
            if m:
                return m.group(1)
        except OSError:
            pass
    return "0.0.0"


include_dirs, objects, libs = libpith()
compile_args = ["-std=c11", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes",
                "-Wmissing-prototypes", "-fvisibility=hidden"]
link_args = ["-Wl,--exclude-libs,ALL"]  # libpith's own symbols stay inside the module
if os.environ.get("PITH_SANITIZE") == "1":
    compile_args += ["-fsanitize=address,undefined", "-fno-omit-frame-pointer"]
    link_args += ["-fsanitize=address,undefined"]

setup(
    version=version(include_dirs),
    packages=["pith", "pith.compat"],
    package_data={"pith": ["py.typed", "*.pyi"]},
    ext_modules=[
        Extension(
            "pith._pith",
            sources=[os.path.join("src", f) for f in
                     ("module.c", "input.c", "options.c", "errors.c", "result.c", "archive.c",
                      "many.c", "utf8.c")],
            depends=[os.path.join("src", "module.h")] + objects,
            include_dirs=include_dirs,
            extra_objects=objects,
            extra_compile_args=compile_args,
            extra_link_args=link_args + libs,
        )
    ],
)
