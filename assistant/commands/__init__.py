"""Command modules of `jixiao`; each registers its commands on `assistant.cli.app`.

Add a module's name here to make its commands appear.
"""
COMMAND_MODULES = [
    "extract",
    "draft",
    "classify",
    "review",
    "export",
    "stats",
    "show",
]
