"""Build hook: copy the top-level ontology/ into the package so an installed wheel carries it."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithOntology(build_py):
    """Copy ontology/*.ttl into kg/ontology/ of the build tree (kg.rdf.ontology looks there first) (the top-level folder stays the source)."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "kg" / "ontology"
        target.mkdir(parents=True, exist_ok=True)
        for ttl in Path(__file__).parent.joinpath("ontology").glob("*.ttl"):
            shutil.copy2(ttl, target / ttl.name)


setup(cmdclass={"build_py": BuildWithOntology})
