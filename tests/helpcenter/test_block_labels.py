"""Editors read human words in the body's block editor: every field of every block is labelled
in sentence case (not "kind", "title" or "text"), and each block says what it is for."""

from wagtail import blocks

from helpcenter.blocks import ArticleBodyBlock


def fields(block, path=""):
    """(path, block) for each block below `block`, depth first."""
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    for name, child in children.items():
        yield f"{path}{name}", child
        yield from fields(child, f"{path}{name}.")


def test_every_block_field_has_a_sentence_case_label():
    for path, block in fields(ArticleBodyBlock()):
        label = str(block.label)
        assert label[:1].isupper(), (path, label)
        assert label.lower() not in {"kind", "title", "text item"}, path


def test_no_field_is_labelled_with_its_code_name():
    labels = {str(block.label) for _, block in fields(ArticleBodyBlock())}
    assert not labels & {"kind", "title", "text", "step", "caption"}
    assert {"Type", "Heading", "Message"} <= labels


def test_each_kind_of_block_says_what_it_is_for():
    for name, block in ArticleBodyBlock().child_blocks.items():
        field = getattr(block, "field", None)
        assert getattr(block.meta, "help_text", None) or field.help_text, name
