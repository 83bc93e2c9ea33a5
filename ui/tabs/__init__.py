"""The UI's parts, one module each: the sidebar (conversations, settings) and the four tabs.

Each ``build`` lays out its components and returns them; ``ui/app.py`` wires the events.
"""

__all__: list[str] = []
