"""The ``kg`` command line: thin, it parses options and calls the library.

Each command lives in its own module ``kg/cli/cmd_<name>.py`` defining
``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``; the
commands are discovered from those modules.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from kg import __version__

DESCRIPTION = """\
kg turns a folder of news articles into an RDF knowledge graph you can query
with SPARQL, browse as an interactive network page and load into any triple
store. Run 'kg build' with no arguments to build the bundled sample corpus
into ./output, then 'kg query queries/who_supplies_whom.rq'.
"""


def command_modules() -> dict[str, object]:
    """Command name -> module, for every ``cmd_*`` module of this package."""
    import kg.cli as pkg

    mods = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("cmd_"):
            mods[info.name[4:].replace("_", "-")] = importlib.import_module(f"kg.cli.{info.name}")
    return dict(sorted(mods.items()))


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, mod in command_modules().items():
        p = sub.add_parser(
            name,
            help=mod.HELP,
            description=getattr(mod, "DESCRIPTION", mod.HELP),
            epilog=getattr(mod, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from kg.errors import KGError

    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KGError as e:
        print(f"kg {args.command}: {e}", file=sys.stderr)
        return e.exit_code
    except (FileNotFoundError, ValueError, OSError) as e:
        print(f"kg {args.command}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
