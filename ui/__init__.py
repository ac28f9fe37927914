"""The Qt desktop GUI of LianDang (廉档): widgets, models, dialogs and the vault worker.

Only this package (and ``main.py``) imports PySide6; keys and the database are reached
through :mod:`records` services running on :class:`ui.vault_worker.VaultWorker`'s thread.
"""
