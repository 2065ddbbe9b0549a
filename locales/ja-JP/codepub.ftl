# codepub のメッセージ（日本語、ja-JP）。ここの各 ID は en-US/codepub.ftl にも存在すること。

## 他から来た文（コンパイラのメッセージ、ヒント）をそのまま示す
text = { $text }

## 入力エラー（終了ステータス 2）
error-io = 読み込めません：{ $reason }
error-outside-root = { $path } はプロジェクトのルート { $root } の外にあります
error-file-too-large = ファイルが { $bytes } バイトあり、上限の { $limit } バイトを超えています
error-bom = ファイルの先頭にバイト順マーク（BOM）があります
error-invalid-utf8 = 不正な UTF-8：バイト { $byte }
error-carriage-return = 復帰文字（CRLF 改行）があります
error-toml = TOML の書式が正しくありません：{ $reason }
error-missing-language = { $lang } のソースが見つかりません
error-duplicate-clause = 条項 ID `{ $id }` が重複しています（最初の宣言は { $first }）
error-block-too-large = ブロックが { $bytes } バイトあり、上限の { $limit } バイトを超えています
error-content-outside-clause = 最初の条項見出しより前に本文があります
error-git = { $reason }
error-nesting-too-deep = ここで引用・リスト・インライン書式の入れ子が { $limit } 段を超えています
error-render = { $edition } を組版できません：{ $reason }
hint-render-block = { $address } の { $lang } の本文は単独でも組版できません（本文を除いた版は組版できます）
hint-render-template = エラーはテンプレートの { $at } で起きました
error-write = { $path } に書き込めません：{ $reason }
error-not-ours = { $path } は codepub が書いたファイルではないか、書いた後で変更されています。codepub はこれを置き換えも削除もしないため、何も書き出していません
help-not-ours = codepub が置き換え・削除するのは、出力フォルダーの { $manifest } に記録された、自分で書いたファイルだけです。これらのファイルを別の場所に移して（または削除して）から、もう一度ビルドしてください
error-output-record = { $path } は、この codepub が読める記録ではありません：{ $reason }
help-output-record = { $path } を削除してください。その後 codepub は、出力フォルダーのうち書き出す内容とすでに同じファイルだけを引き継ぎます
report-waiting = { $path } に書き込み中の別のビルドを待っています（pid { $pid }）
report-waiting-unknown = { $path } に書き込み中の別のビルドを待っています
error-no-project = { $dir } およびその親ディレクトリに codepub.toml がありません
help-bom = BOM なしの UTF-8 で保存してください
help-carriage-return = 改行を LF に変換してください（例：`dos2unix`）
help-invalid-utf8 = UTF-8 で保存してください
help-outside-root = ソースはプロジェクトのフォルダー内に置いてください。外を指すシンボリックリンクは使えません
help-duplicate-clause = 条項 ID は各言語で一度だけ使えます。どちらかの名前を変えてください
help-block-too-large = 段落を分けるか、codepub.toml の `content.max_block_bytes` を大きくしてください
help-content-outside-clause = ファイルを ID 付きの見出し（`# 見出し {"{"}#id{"}"}`）か `+++ clause = "id" +++` のフロントマターで始めてください
help-missing-language = { $lang } の Markdown ファイルを `content.dir` の言語フォルダーに置いてください
help-nesting-too-deep = 構造を浅くしてください：引用、リスト、強調、太字、取り消し線、リンク、画像の入れ子は { $limit } 段までです
error-not-a-file = 通常のファイルではなく{ $kind ->
    [fifo]名前付きパイプ（FIFO）
    [socket]ソケット
    [device]デバイス
   *[other]特殊ファイル
}です：開きません
help-not-a-file = 通常のファイルに置き換えるか、codepub.toml で別のファイルを指定してください
error-front-matter = 読み取れないフロントマターです：{ $reason }
help-front-matter = フロントマターは、ファイルの先頭で `+++` 行に挟んだ TOML か、`---` 行に挟んだ YAML で書きます
error-markdown-pair = これはファイルで、{ $other } はフォルダーです
help-markdown-pair = 二つのファイル（`en.md ja.md`）か二つのフォルダー（`docs/en docs/ja`。`name.md` と `name.ja.md` を収めた一つのフォルダーなら、同じフォルダーを二度指定）を指定してください
error-no-markdown = このフォルダーに Markdown（`*.md`）ファイルがありません
help-no-markdown = 本文の `.md` ファイルを収めたフォルダーを指定してください

## チェック
p001-missing-clause = 条項 `{ $id }` が日本語テキストにありません
p001-extra-clause = 条項 `{ $id }` は日本語テキストにしかありません
p001-out-of-order = 日本語テキストの条項 `{ $id }` の順序が英語と異なります
p001-empty-heading = 見出しに文字がありません
p001-first-heading-level = 最初の見出しがレベル { $level } です。タグ付き PDF（PDF/UA）では最初の見出しはレベル 1 でなければなりません
p001-missing-id = 見出しに条項 ID がありません
p001-missing-id-paired = `--fix` でこの見出しに `{"{"}#{ $id }{"}"}` を付け、{ $place } にある{ $lang ->
        [ja] 日本語
       *[en] 英語
    }の対応見出し「{ $heading }」にも同じ ID を付けます
p001-missing-id-unsure = { $place } にある{ $lang ->
        [ja] 日本語
       *[en] 英語
    }の見出し「{ $heading }」の訳と思われますが、自動で ID を付けるほど確かではありません。両方に同じ `{"{"}#id{"}"}` を手で付けてください
p001-missing-id-alone = 対応する{ $lang ->
        [ja] 日本語
       *[en] 英語
    }の見出しがありません。ID を付け、その訳にも同じ ID を付けてください
help-p001 = すべての条項に、両言語で同じ `{"{"}#id{"}"}` を一度ずつ、同じ順序で付けてください
p002-unmatched-block = { $kind } `{ $address }` に対応する日本語がありません
p002-extra-block = 日本語の { $kind } `{ $address }` に対応する英語がありません
p002-kind-mismatch = 英語の { $en } が日本語の { $ja } と対になっています
p002-item-count = リストの項目数が英語 { $en }、日本語 { $ja } です
p002-swapped-ja = `{ $first }` と `{ $second }` の順序が日本語で入れ替わっています
p002-swapped-en = `{ $first }` と `{ $second }` の順序が英語で承認時と入れ替わっています
help-p002 = 段落は条項内で一対一に対応します。英語の各段落を同じ順序で日本語の一段落として訳してください
p003-reference-missing = 脚注参照 [^{ $label }] に対応するものが日本語の段落にありません
p003-reference-extra = 日本語の脚注参照 [^{ $label }] に対応するものが英語の段落にありません
p003-undefined = 脚注 [^{ $label }] は参照されていますが定義がありません
p003-unused = 脚注 [^{ $label }] は定義されていますが参照されていません
p003-definition-missing-ja = 脚注 [^{ $label }] は英語では定義されていますが日本語にはありません
p003-definition-missing-en = 脚注 [^{ $label }] は日本語では定義されていますが英語にはありません
help-p003 = 各脚注は両言語の同じ箇所で参照し、両言語で定義してください
p004-number-differs = 数字が一致しません：日本語は { $ja }、英語は { $en }
p004-number-only-japanese = 数字が一致しません：{ $ja } は日本語のみ
p004-number-only-english = 数字が一致しません：{ $en } は英語のみ
help-p004 = 数は語、算用数字、漢数字を問わず値として比較します（forty (40) days = 四十日、Article 13 = 第十三条、two-thirds = 三分の二、(ii) = 二）。日付は日付として比較し（23 February 2023 = 2023年2月23日）、その他の数字の並びは表記どおりに比較します（11/2023）
p005-markup-count = { $kind } が英語で { $en } 回、日本語で { $ja } 回使われています
p005-link-targets = リンク先が異なります：英語 { $en }、日本語 { $ja }
help-p005 = 両言語で同じ語句を強調してください。英語のイタリックは日本語の太字にできます（`check.markup.accepted`）
p006-final-punctuation = 段落の末尾が英語では { $en ->
        [none] 句読点なし
       *[other] { $en }
    }、日本語では { $ja ->
        [none] 句読点なし
       *[other] { $ja }
    } です
help-p006 = 日本語の文末は英語に合わせてください：. は 。、: は ：
p006-wrong-form = 日本語の末尾が { $ja } です。日本語の文では { $full } を使います
help-p006-replace = { $old } を { $new } に置き換えてください
help-p006-insert = 英語が { $en } で終わるので、日本語の末尾に { $new } を付けてください
help-p006-drop = 英語の末尾には句読点がありません。末尾の { $old } を削除するか、英語の末尾を合わせてください
p007-half-width = 日本語テキスト中に半角の `{ $char }` があります
help-p007 = 日本語テキストでは全角を使ってください（例：（ ） 、 ：）
p007-western = 日本語テキスト中に全角の欧文句読点 `{ $char }` があります
help-p007-replace = `{ $old }` を `{ $new }` に置き換えてください
p008-no-japanese = 日本語テキストに日本語の文字がありません
p008-same-as-english = 日本語テキストが英語と同じです：未翻訳です
p008-bad-pattern = `check.untranslated.allow` のパターン { $pattern } は正しい正規表現ではありません
help-p008 = 翻訳するか、名称や数字のパターンを `check.untranslated.allow` に追加してください
p009-term-missing = 用語集：「{ $en }」は「{ $ja }」と訳してください
help-p009 = 用語集は content/glossary.toml です
p010-whitespace-line = 空白文字だけの行があります
p010-trailing = 行末に空白があります
p010-leading = 段落の行頭に空白があります
p010-double-space = 空白が二重になっています
help-p010 = ソース行の空白は何も印刷されないか、目に見える隙間になります。削除してください
p011-length-ratio = 英語 { $en } 文字に対し日本語は { $ja } 文字です（比率 { $ratio }、中央値 { $median }）
help-p011 = 比率が中央値から大きく外れるときは、文の訳し漏れや重複の可能性があります
p012-unsafe-link = リンク先 `{ $target }` は許可されていないため、各版から除かれます
help-p012 = リンク先は http(s)、mailto、相対参照のみにしてください
p013-stale = 原文変更：日本語の承認後に英語が変更されました
p013-stale-ja = 訳文更新済み・確認待ち：この英語に対して承認された後に日本語が変更されました
p013-updated = 訳文更新済み・確認待ち：承認後に英語と日本語の両方が変更されました
p013-unsigned = この翻訳はまだ承認されていません
help-p013 = 英語と照らして日本語を見直し、`codepub sign-off` で記録してください
p014-copyright-missing = 裏表紙に codepub.toml の著作権表示「{ $line }」がありません
p014-copyright-differs = 裏表紙の「{ $found }」は codepub.toml の著作権表示「{ $line }」と異なります
p014-isbn-missing = 裏表紙に codepub.toml の ISBN { $isbn } が印刷されていません
p014-isbn-differs = 裏表紙の ISBN は { $found } ですが、codepub.toml では { $isbn } です
help-p014 = codepub.toml の版情報と裏表紙は一致している必要があります
p015-unprintable = 「{ $char }」（{ $codepoint }）を印刷できるフォントがありません
p015-fonts-tried = 試したフォント：{ $fonts }
help-p015 = 別の文字にするか、その文字を持つフォントのフォルダーを `--font-path` で指定してください（fonts/README.md を参照）
p016-control = ソースに制御文字 { $codepoint }（{ $name }）があります。印刷されず、PDF に収めることもできず、端末はこれに従って動作します
p016-bidi = ソースに双方向制御文字 { $codepoint }（{ $name }）があります。テキストの表示順を変えます
p016-invisible = ソースに見えない文字 { $codepoint }（{ $name }）があります
help-p016 = 削除してください。印刷されず、ソースを読む人にも見えません
help-p016-remove = 削除してください。`codepub check --fix` で削除されます
help-p016-control = 削除するか、本来の文字に書き換えてください（何を表していたか分からないため、`codepub check --fix` では削除しません）
help-p016-mark = 削除してください。右から左に書く引用の順序に必要な場合は、ベースラインで指摘を受け入れてください
help-p016-joiner = 削除してください。結合する文字体系に必要な場合は、ベースラインで指摘を受け入れてください
p017-not-normalized = { $file } は Unicode 正規化形式 C（NFC）ではありません。分解された文字が { $count } 箇所あり、最初はここです
p017-read-as = codepub はこれを「{ $composed }」として読みます。チェック、翻訳記録、各版は合成済みのテキストを見ますが、他のツールはそうではありません
help-p017 = ファイルを NFC で保存してください。`codepub check --fix` で書き換えられます
p018-unclosed = `{ $char }` が閉じられていません。この見出し、段落または箇条の中に `{ $partner }` がありません
p018-unopened = `{ $char }` に対応する開き括弧がありません。この見出し、段落または箇条の中で前に `{ $partner }` がありません
p018-mixed = `{ $open }` が、幅の異なる `{ $close }` で閉じられています
p018-count = 丸括弧で囲んだ語句が英語に { $en } 箇所、日本語に { $ja } 箇所あります
help-p018 = 括弧や引用符は同じ見出し、段落または箇条の中で閉じるか、余分なものを削除してください
help-p018-mixed = `{ $old }` を `{ $new }` にしてください。`codepub check --fix` で修正できます
help-p018-count = 英語で丸括弧に入れた語句を日本語でも丸括弧に入れているか確認してください。翻訳で意図的に補足を加えたり省いたりした場合は、ベースラインで受け入れてください
p019-word = 同じ単語が繰り返されています：「{ $words }」
p019-particle = 助詞 `{ $particle }` が重複しています
help-p019-word = 2 つ目の「{ $word }」を削除してください。`codepub check --fix` で修正できます。意図的な繰り返しは codepub.toml の `[check.repeated]` の `allow` に加えてください
help-p019-particle = 2 つ目の `{ $particle }` を削除してください。`codepub check --fix` で修正できます
p020-only-english = 「{ $id }」は英語にありますが、日本語にありません
p020-only-japanese = 「{ $id }」は日本語にありますが、英語にありません
p020-bad-pattern = `check.identifiers.allow` のパターン { $pattern } は正しい正規表現ではありません
help-p020 = URL、メールアドレス、略語、規格番号は両言語にそのまま書きます（全角の文字も同じものとみなします）。意図的に省いたものはベースラインで受け入れるか、プロジェクト全体について codepub.toml の `[check.identifiers]` の `allow` に加えてください
p021-english-translated-differently = 同じ英語がプロジェクト内で { $count } 通りに訳されています：「{ $en }」
p021-japanese-for-different-english = 同じ日本語が { $count } 通りの異なる英語の訳になっています：「{ $ja }」
help-p021 = 同じテキストにはプロジェクト全体で同じ訳を使うか、日本語を訳し分けるなら英語も書き分けてください。意図的な違いはベースラインで受け入れてください
label-translated-here = ここでは「{ $ja }」と訳されています
label-translates-here = ここでは「{ $en }」の訳です
label-first-counterpart = 最初の出現：「{ $text }」
label-other-counterpart = ほかに：「{ $text }」
label-identifier-missing = ここに「{ $id }」がありません
label-identifier-here = 「{ $id }」はここ

## ラベル
label-only-english = 英語のみ
label-only-japanese = 日本語のみ
label-japanese-position = 日本語テキストではここ
label-english-position = 英語テキストではここ
label-number-read = { $value } と読みました
label-number-missing = ここに { $value } がありません
label-no-japanese-counterpart = 対応する日本語なし
label-no-english-counterpart = 対応する英語なし
label-translates = `{ $address }` の訳
label-japanese-belongs-here = `{ $address }` の日本語はここに入ります
label-english-belongs-here = `{ $address }` の英語はここに入ります
label-expected = 「{ $text }」のはず
label-address = `{ $address }`
label-unmatched-item = 対応のない最初の項目
label-no-reference = ここに参照なし
label-japanese-ending = 日本語の末尾
label-english-ending = 英語の末尾
label-term-expected = ここに「{ $ja }」が必要
label-term-here = 「{ $en }」はここ
label-old-english = 承認時の英語
label-signed-off-japanese = 以前の英語に対して承認された日本語
note-old-english = 承認時の英語：{ $text }
note-new-english = 現在の英語：{ $text }
note-english-changes = 承認後の英語の変更：{ $text }
note-old-japanese = 承認時の日本語：{ $text }
note-signed-off-by = 最終承認：{ $by }（{ $at }）
note-sign-off = 見直し後：codepub sign-off { $clause }
label-new-english = 現在の英語

## レポート
report-accepted-heading = { $path } で承認済み：
report-accepted = { $code } { $address }：{ $reason }
report-unused-baseline = どの指摘にも一致しない承認エントリー：{ $code } { $address }
help-unused-baseline = このエントリーを削除してください：承認していた指摘はもう報告されません
report-unbound-baseline = 値を記録していない承認エントリー：{ $address } の { $code } の指摘を、新しいものも含めてすべて承認してしまいます
help-unbound-baseline = 指摘に結び付けてください：エントリーに `{ $lines }` を追加するか、`{ $command }` で置き換えます
help-unbound-baseline-split = 値の異なる複数の指摘を承認しています：`{ $command }` で指摘ごとのエントリーに置き換えてください
report-placeholder-reason = 理由の書かれていない承認エントリー：{ $code } { $address }
help-placeholder-reason = 公表された本文がこの指摘を残す理由を `reason` に書いてください
note-accepted-changed = 承認済みの指摘が変わりました：{ $place } は { $was } を承認していました（理由：「{ $reason }」）。現在は { $now } です。本文を直すか、改めて承認してください：`{ $command }`
accept-bad-target = `{ $target }` は指摘を指していません：CODE@ADDRESS の形で指定してください
help-accept-target = 現在の指摘をコードと位置で指定してください（例：`P004@principle-2#4`。`codepub check` の `at …` に表示されます）
accept-no-finding = 承認する指摘 { $target } は現在ありません（その位置の指摘：{ $others }）
accept-which-language = { $target } には両言語の指摘があります：--accept-lang en または --accept-lang ja で選んでください
accept-no-reason = --accept には理由が必要です：--reason "…"
help-accept-no-reason = 理由はエントリーに記録されます：公表された本文がこの指摘を残す理由です
accept-written = { $path } で承認しました：{ $target } { $values }
accept-nothing = 書き込むものはありません：{ $path } はこれらの指摘をすでに承認しています
report-input-skipped = { $path } を除外しました：{ $why ->
    [fifo] 名前付きパイプ（FIFO）のため、開いていません
    [socket] ソケットのため、開いていません
    [device] デバイスのため、開いていません
    [dangling] リンク先のないシンボリックリンクです
    [loop] 上位のフォルダーに戻るシンボリックリンクです
    [unreadable] { $reason }
   *[other] 通常のファイルではないため、開いていません
}
report-summary = エラー { $errors } 件、警告 { $warnings } 件、承認済み { $accepted } 件
report-clean = 翻訳の対応は保たれています：{ $clauses } 条項、{ $pairs } 組の段落を確認しました
report-fix-applied = 修正 { $place }：{ $old } → { $new }
report-fix-nothing = （なし）
report-fix-summary = 修正 { $count } 件を適用しました。再度確認します
report-address = 位置 { $address }
report-build-overridden = エラー { $count } 件を無視して公開します (--allow-errors)
report-build-refused = ソースにエラーがあるため公開しません（それでも公開するには --allow-errors）
report-build-provisional-refused = 暫定訳としては公開できないエラー（{ $codes }）があるため、公開しません（それでも公開するには --allow-errors）
report-build-provisional = 暫定訳 { $count } 件を、暫定訳である旨を示して公開します (--provisional)
edition-provisional-note = 暫定訳：両テキストに相違がある場合は、英語のテキストが優先します。
report-built = { $path } を書き出しました
report-no-such-form = { $edition } 版には { $format } の形がないため、作成しません
report-building = { $edition } 版を組版中（{ $format }）
error-unknown-clause = ソースに条項 `{ $id }` がありません
explain-catalogue-intro = `codepub check` の各チェックについて、何を比べるか、なぜ重要か、報告される例と通る例、設定、指摘を受け入れる方法を説明します。端末では `codepub explain CODE` で一つずつ表示できます（英語は `--lang en`）。
error-missing-feature = { $output }には `{ $feature }` 機能付きでビルドされた codepub が必要ですが、この codepub はその機能なしでビルドされています
help-missing-feature = その機能付きで入れ直してください: `cargo install codepub --features { $feature }`（`pdf` と `html` は既定のビルドに含まれます）
report-signed-off = { $clauses } の翻訳 { $count } 件を新たに承認しました（記録は計 { $total } 件）：{ $path }
status-clause = 条項
status-pairs = 対
status-current = 最新
status-stale = 要更新
status-unsigned = 未承認
status-missing = 欠落
status-signed-off = 最終承認
status-review-heading = 最新でない翻訳：
status-last-signed-off = 承認者：{ $who }
state-current = 最新
state-source-changed = 原文変更（英語が変更され、日本語は未更新）
state-translation-updated = 訳文更新済み・確認待ち
state-unsigned = 未承認
state-missing = 一方の言語にのみ存在
error-sign-off-no-name = 承認者が分かりません。git の user.name も USER 環境変数もありません。--by NAME を指定してください
error-sign-off-now = { $variable } の値 `{ $value }` は使えません。1970年からの秒数か、UTC の日時 YYYY-MM-DDTHH:MM:SSZ を指定してください
error-sign-off-refused = 承認を拒否しました：承認する対に P013 以外のエラーが { $count } 件あります。何も書き込んでいません
note-sign-off-blocked = { $code }（{ $address }）：{ $message }
help-sign-off-refused = エラーを修正するか（`codepub check` で確認できます）、--force --reason "理由" で承認してください。理由は記録に残ります
status-total = 合計
status-no-record = 翻訳記録がまだありません。見直し後に `codepub sign-off` を実行すると、古くなった翻訳の追跡が始まります

## Diff
diff-header = { $old_ja }（{ $old_adopted } 採択）から{ $new_ja }（{ $new_adopted } 採択）への変更
diff-title-changed = 表題（{ $lang }）：「{ $old }」→「{ $new }」
diff-no-changes = 本文に変更はありません
diff-lang-en = 英語
diff-lang-ja = 日本語
diff-status-absent = なし
diff-status-unchanged = 変更なし
diff-status-added = 追加
diff-status-removed = 削除
diff-status-changed = 変更
diff-paragraph-added = 追加
diff-paragraph-removed = 削除
diff-paragraph-changed = 変更
diff-paragraph-unchanged = 変更なし
diff-kind-colophon = 奥付
diff-kind-footnote = 脚注
diff-moved-after = { $after } の後へ移動
diff-moved-first = 先頭へ移動
diff-stale-heading = 見直しが必要な翻訳：
diff-stale-japanese = 英語が変更され、日本語は未変更：日本語を見直してください
diff-stale-english = 日本語が変更され、英語は未変更：英語を見直してください
diff-stale-both = 両言語で変更：同時に更新済みのため見直し不要
diff-stale-updated = 訳文更新済み・確認待ち（先に英語が変更され、日本語が追随しました）
diff-stale-unsigned = 未承認
diff-stale-missing-japanese = 日本語訳がありません
diff-stale-missing-english = 英語の本文がありません
diff-summary = 条項の変更 { $clauses } 件、段落：追加 { $added }、削除 { $removed }、変更 { $changed }、見直しが必要な翻訳 { $stale } 件{ $together ->
    [0] {""}
   *[other] 、両言語で同時に更新 { $together } 件
}
diff-together-heading = 両言語で変更（同時に更新済み・見直し不要）：
diff-revision-old = 旧版
diff-revision-new = 新版
diff-source-git = git リビジョン { $name }
diff-source-commit = git リビジョン { $name }（コミット { $commit }、{ $date }）
diff-source-folder = フォルダー { $name }
diff-source-project-folder = プロジェクトのフォルダー
diff-legend-heading = 凡例
diff-legend-deleted = 削除
diff-legend-inserted = 挿入
diff-state-japanese-stale = 日本語が古い：英語のみ変更されたため、日本語を見直してください
diff-state-english-stale = 英語が古い：日本語のみ変更されたため、英語を見直してください
diff-state-translation-updated = 訳文更新済み・確認待ち
diff-state-unsigned = 未承認
diff-state-missing-translation = 訳文なし
diff-state-both-changed = 同時に更新：両言語で変更され、見直し不要
diff-html-title = 対照表：{ $old_ja } → { $new_ja }
diff-html-lang = ja

## ルールの説明（SARIF の shortDescription と fullDescription）
p001-short = 条項が両言語で対応している
p001-full = すべての条項が両言語に同じ順序であり、すべての見出しに `{"{"}#id{"}"}` が付いていること。
p002-short = 段落とリストが一対一で対応している
p002-full = 英語の各段落・各リストに、条項内の同じ位置に日本語が一つずつあり、リストの項目数が両言語で同じであること。
p003-short = 脚注が一致している
p003-full = 対になった段落が同じ脚注を参照し、すべての脚注が両言語で定義され、参照されていること。
p004-short = 数字が一致している
p004-full = 段落中の数字（決議番号、ISBN など）が両言語にあること。日付は日付として比較します。
p005-short = インラインの書式が一致している
p005-full = 強調、太字、コード、リンクの数が両言語で同じで、リンク先が同じであること。
p006-short = 文末の句読点が一致している
p006-full = 段落とリスト項目の終わり方が一致していること：. は 。、: は ：、? は ？、! は ！。
p007-short = 日本語に半角の句読点がない
p007-full = 日本語テキストに接する ASCII の ( ) , : ; ! ? は全角にすること。
p008-short = 日本語が翻訳されている
p008-full = 日本語の見出しと段落に日本語の文字があること（`check.untranslated.allow` のパターンに合うものを除く）。
p009-short = 用語集どおりに訳されている
p009-full = 段落に用語集の用語があれば、対になる段落にその対訳があること（英語の用語には日本語の用語、日本語の用語には英語の用語）。
p010-short = 余計な空白がない
p010-full = 空白だけの行、行末・行頭の空白、二重の空白がソースにないこと。
p011-short = 長さの比率が妥当である
p011-full = 日本語と英語の長さの比率が文書全体の中央値から大きく外れないこと（`check.length_ratio`）。
p012-short = リンクが安全である
p012-full = リンク先が http(s)、mailto、相対参照であること。それ以外は各版から除かれます。
p013-short = 翻訳が承認済みで最新である
p013-full = 翻訳が content/translations.lock で承認された後に、英語（または日本語）が変更されていないこと。
p014-short = 版情報が codepub.toml と一致している
p014-full = 裏表紙に codepub.toml の ISBN と著作権表示が印刷されていること。
p015-short = すべての文字を印刷できる
p015-full = 原稿のすべての文字に、PDF版の組版に使うフォント（同梱フォントと --font-path のフォント）のいずれかのグリフがあります。
p016-short = 隠れた文字がない
p016-full = 原稿に制御文字、双方向制御文字、見えない文字（ゼロ幅スペース、本文中のバイト順マーク、ソフトハイフン）がありません。異体字セレクターは文字として扱います。
p017-short = 原稿が NFC である
p017-full = すべての原稿が Unicode 正規化形式 C（CJK 互換漢字は書かれたまま）で保存され、他のツールも codepub と同じように読めます。
p018-short = 括弧と引用符が対になっている
p018-full = 見出し、段落、箇条で開いた括弧と引用符は、その中で同じ幅のもので閉じられています。ブロックの丸括弧で囲んだ語句の数は、英語と日本語で同じです。
p019-short = 同じ語が続けて書かれていない
p019-full = 英語の単語が続けて 2 度書かれておらず（that that、had had と設定した語を除く）、名詞の後の日本語の助詞が重複していません（をを、のの）。
p020-short = 識別子が両言語にある
p020-full = 対の一方の言語の本文にある URL、メールアドレス、略語（ISO/CS）、規格番号（ISO 9001:2015、JIS Q 9001）が、もう一方の言語にもあります。全角の文字も同じものとみなします。
p021-short = 同じテキストが同じように訳されている
p021-full = プロジェクト全体で、同じ英語の文、見出し、箇条には一つの日本語訳があり、一つの日本語訳は一つの英語のテキストに対応しています。
report-created = { $path } を作成しました
report-init-next = { $dir } に新しいプロジェクトを作成しました。そこで `codepub check` と `codepub build` を実行してください
error-no-adoption-date = { $source } には採択日が書かれていません（フロントマターにも冒頭の行にもありません）。何も書き込んでいません
help-no-adoption-date = 文書の採択日を `--adopted YYYY-MM-DD` で指定してください（PDF の日付と `codepub diff` の見出しに使います）
report-adopt-front-matter = { $file }：フロントマターを読み取りました{ $titled ->
        [no] {""}
       *[yes] 。タイトル「{ $title }」を版のタイトルにしました
    }{ $kept ->
        [0] {""}
       *[other] 。ほかの { $kept } 個のキーは codepub.toml にコメントとして残しました
    }
report-adopt-heading-added = { $file }：最初の見出しの前に本文があるため、その上に見出し「{ $heading }」を加えました
report-adopt-file-alone = { $file }：対応する{ $lang ->
        [ja] 日本語
       *[en] 英語
    }のファイルがありません（同じ相対パス、または `name.md` と `name.ja.md`）。単独で取り込みました。確認してください
report-adopt-heading-unsure = { $place }：「{ $heading }」と { $other-place }：「{ $other }」に同じ ID `{ $id }` を付けましたが、根拠が弱いので確認してください
report-adopt-heading-alone = { $place }：「{ $heading }」に対応する{ $lang ->
        [ja] 日本語
       *[en] 英語
    }の見出しがありません。固有の ID `{ $id }` を付けました
report-adopt-summary = 片側 { $files } ファイルを取り込みました。見出しの対 { $paired } 組に ID を付け（うち根拠が弱いもの { $unsure } 組）、対のない見出しは { $alone } 個です
report-adopt-check = 新しいプロジェクトの `codepub check`：エラー { $errors } 件、警告 { $warnings } 件{ $errors ->
        [0] {""}
       *[other] 。{ $dir } で `codepub check` を実行して確認してください
    }
error-project-exists = { $dir } にはすでに codepub プロジェクト (codepub.toml) があります。何も書き込んでいません
error-file-exists = { $path } はすでに存在します。何も書き込んでいません
error-empty-text = 取り込むテキストがありません。段落が一つもないファイルです
help-empty-text = 一つの段落を一続きの行で書き、段落と段落の間を空行で区切ってください
report-import-clause-alone = { $file }:{ $line }: 「{ $heading }」に対応するものが { $other } にありません
report-import-block-alone = { $file }:{ $line }: 「{ $heading }」のこの段落に対応するものが { $other } にありません: { $excerpt }
report-import-summary = { $clauses } 条項を取り込みました。{ $alone ->
    [0] すべての条項と段落が対になっています
   *[other] { $alone } 件の条項または段落を対にできませんでした。直すまで `codepub check` が報告します
}
error-import-markdown = このファイルはプレーンテキストではなく Markdown です：{ $sign ->
    [front-matter] 先頭にフロントマター（`+++` または `---`）があります
    [heading] この行は Markdown の見出し（`#`）です
    [lists] この行から先、ほとんどのブロックが Markdown のリストです
    [bold] この行は `**` で太字を示しています
   *[link] この行に Markdown のリンク（`[text](url)`）があります
}。何も書き込んでいません
help-import-markdown = Markdown は `codepub init --from-markdown EN.md JA.md` で取り込んでください。`--from-text` はプレーンテキストを読むためのもので、マークアップがそのまま文字として残ってしまいます
error-import-no-date = { $en } にも { $ja } にも、最初の見出しより前に文書の採択日が書かれていません。何も書き込んでいません
help-import-no-date = 採択日を指定してください：`--adopted YYYY-MM-DD`（PDF の日付と `codepub diff` の見出しに使います）
report-import-adopted = 日付を { $date } としました（{ $file }:{ $line } の記載による。別の日付は `--adopted YYYY-MM-DD` で指定できます）
report-import-no-headings = この { $paragraphs } 段落には見出しが一つも認識されませんでした。テキスト全体が表題部となり、条項ごとに対にできません
help-import-no-headings = 見出しはパターンで認識します（`第一条` / `Article 1`、`第一章` / `CHAPTER I`、`1. Title`、`a) Title`。`codepub help init` を参照）。見出しをそれぞれ一行で書き、もう一度取り込んでください
report-import-summary-no-headings = { $clauses } 条項を取り込みました。見出しのないテキストは条項ごとに対にしていません。上の警告を参照してください
lsp-no-project = codepub lsp: { $path } はどの codepub プロジェクトにも属していません（そのフォルダーにもその上にも codepub.toml がありません）。扱いません
lsp-outside-root = codepub lsp: { $path } は、このサーバーが対象とするプロジェクト { $root } の外にあります。扱いません
lsp-not-a-source = codepub lsp: { $path } はプロジェクトの原稿ではありません（原稿は { $dir }/en/*.md と { $dir }/ja/*.md です）。扱いません
lsp-not-checked = これを直すまでプロジェクトを検査できません：{ $place }：{ $reason }
lsp-crashed = codepub はプロジェクトを検査できませんでした（内部エラー：{ $reason }）。報告してください
lsp-first-here = 最初の宣言はここです
lsp-counterpart = { $lang ->
    [en] 対応する英語
   *[ja] 対応する日本語
}
lsp-accepted = { $path } で承認済み：{ $reason }
lsp-hover-counterpart = { $lang ->
    [en] 英語
   *[ja] 日本語
}（{ $place }）：
lsp-hover-no-counterpart = { $lang ->
    [en] 対応する英語がありません。
   *[ja] 対応する日本語がありません。
}このブロックは対になっていません。
lsp-hover-edition-matter = 版の情報です。各言語が自分の版のものを印刷するため、ブロックごとには対にしません。
lsp-state-current = 翻訳：最新（この英語に対して承認済み）。
lsp-state-english-changed = 翻訳：要更新（原文変更）。日本語の承認後に英語が変更されました。
lsp-state-japanese-changed = 翻訳：訳文更新済み・確認待ち。承認後に日本語が変更されました。
lsp-state-unsigned = 翻訳：未承認（{ $path } で承認されていません）。
lsp-state-no-record = 翻訳：追跡していません（プロジェクトに { $path } がありません。`codepub sign-off` で始まります）。
lsp-state-english-diff = 承認後の英語の変更（[-削除-] {"{"}+追加+{"}"}）：
lsp-state-japanese-then = 承認時の日本語（ここから始められます）：
lsp-state-signed-off = { $by } が { $at } に承認しました。
lsp-fix-insert = 「{ $new }」を挿入
lsp-fix-delete = 「{ $old }」を削除
lsp-fix-replace = 「{ $old }」を「{ $new }」に置換
lsp-fix-all = このファイルの句読点の修正 { $count } 件をすべて適用
lsp-accept = この指摘を { $path } で承認…（そのあと理由を書く）

## XLIFF 交換（`codepub xliff`）
error-xliff = 取り込める XLIFF 2.0 ファイルではありません：{ $reason }
help-xliff = `codepub xliff export` が書き出したファイルを、CAT ツールで保存したまま取り込んでください（整形式の XLIFF 2.0、英語から日本語）
xliff-unknown-unit = ユニット `{ $id }` はこのプロジェクトのブロックではありません
xliff-unit-name = ユニット `{ $id }` の名前 `{ $name }` は、そのブロックのアドレスではありません
xliff-unit-twice = ユニット `{ $id }` が二度あります
xliff-source-changed = 書き出し後に英語が変わりました。現在の英語：{ $english }
xliff-code-unknown = インラインコード `{ $id }` はこのユニットのコードではありません
xliff-code-lost = 原文のインラインコード `{ $id }`（{ $code }）が訳文にありません
xliff-code-duplicated = インラインコード `{ $id }`（{ $code }）が訳文に二度以上あります
xliff-no-japanese-block = この訳文を入れる場所が日本語にありません（見出し・条項・リストがありません）。先に Markdown に追加してください
xliff-unloadable = 取り込み後の日本語を読み込めません：{ $reason }
xliff-check-fails = 取り込む日本語が { $code } に違反します
xliff-control-character = 訳文に制御文字 { $codepoint }（{ $name }）があります。原稿には含められないため、翻訳ツールで削除してください
xliff-at-block = ブロック { $address }
xliff-refused = 取り込みを拒否しました（問題 { $count } 件）。何も書き込んでいません
xliff-nothing-to-export = 書き出すユニットがありません
xliff-exported = { $count } ユニットを { $path } に書き出しました
xliff-dry-run = { $files } ファイルで { $count } ユニットが変わります（試行のみ、書き込みなし）
xliff-imported = { $units } ユニットを取り込みました（変更 { $count } 件、{ $files } ファイル）
memory-exported = 承認済みの対訳 { $count } 組（現在の翻訳記録と、それを変更した { $revisions } 件のコミット時点の記録から）を { $path } に書き出しました
memory-revision-skipped = 警告：翻訳記録の過去の版を一つ、翻訳メモリに含めませんでした：{ $reason }

## codepub watch と codepub serve
watch-unchanged = { $edition } 版（{ $format }）は変更なし: 再組版しません
watch-nothing-changed = 変更された版はありません: 再組版なし
watch-rebuilt = { $count } 版を { $ms } ミリ秒で再組版しました
watch-parts = 長い PDF 版の { $count } 部分のうち { $laid } 部分を組み直しました(ほかは前回のまま)
watch-preview-errors = 出力はエラー { $count } 件を含む現在のソースをそのまま表示しています: エラーが解消されるまで `codepub build` は何も公開しません
watch-kept-input = ソースを読み込めません: 前回の出力を残しました
watch-kept-render = 版を作成できません: 前回の出力を残しました
watch-waiting = 変更を監視中（Ctrl-C で終了）
watch-stopped = 監視を終了しました
error-watch = { $path } を監視できません: { $reason }
error-serve = { $address } で待ち受けできません: { $reason }
serve-url = { $url } で配信中（指摘事項: { $url }_codepub/findings）
serve-page-lang = ja
serve-findings-title = codepub: 現在の指摘事項
serve-outcome-current = 出力はソースと一致しています。
serve-outcome-kept = ソースを読み込めないか組版できませんでした: 配信中のページはソースより古いものです。
serve-no-findings = 指摘事項はありません。
serve-accepted = { $count ->
    [0] ベースラインで承認された指摘事項はありません。
   *[other] ほかに { $count } 件の指摘事項がベースラインで承認されています。
}
serve-files = ファイル
serve-banner-count = エラー { $errors } 件、警告 { $warnings } 件
serve-banner-link = 指摘事項を表示
serve-banner-kept = ソースを読み込めないか組版できませんでした: このページは前回の出力です（理由は端末に表示されています）。
serve-on-network = { $address } で、このマシンの外にも配信しています: プレビューには認証がないため、このアドレスに接続できる人は誰でも閲覧できます

## P026 enumerations
p026-counts = 英語では { $en } 項目の列挙が、日本語では { $ja } 項目になっています
label-p026-items = { $count } 項目
help-p026 = 日本語の列挙が英語の列挙の項目を過不足なく挙げているか確認してください。意図的にまとめたり分けたりした列挙はベースラインで受け入れてください。比べる列挙の最小の項目数は codepub.toml の `[check.enumerations]` の `min_items` で設定します
p026-short = 列挙の項目数が両言語で同じ
p026-full = 文中の列挙（英語はコンマと最後の `and` や `or`、日本語は `、` と最後の `及び` や `又は`、または `・` で区切ったもの、括弧内の列挙）の項目数が、両方とも `min_items` 以上のとき、日本語と英語で同じです。

## P023 partly-untranslated
p023-english-in-japanese = 日本語の中に英語が残っています：「{ $text }」
p023-same-as-english = 日本語が英語の「{ $text }」を訳さずにそのまま残しています
p023-bad-pattern = `check.partly_untranslated.allow` のパターン { $pattern } は正しい正規表現ではありません
help-p023 = 翻訳してください。意図的に英語のまま残す名称や題名は、ベースラインで受け入れるか、プロジェクト全体について codepub.toml の `[check.partly_untranslated]` の `allow` に加えてください
p023-short = 日本語に英語の文が残っていない
p023-full = 日本語の見出し、段落、箇条、脚注に、文として読める英語の連なり（小文字の機能語と内容語を含む `min_words` 語以上、または英語からそのまま写した 3 語以上）がありません。タイトルケースの名称や題名、略語、規格番号は指摘しません。

## P024 patterns
p024-match = { $ja }：「{ $found }」
p024-match-named = { $ja }（{ $name }）：「{ $found }」
p024-bad-pattern = `check.patterns` のパターン { $pattern } は正しい正規表現ではありません：この規則は使いません
help-p024 = プロジェクト独自の規則（codepub.toml の `[[check.patterns]]`）です。意図的に残す箇所はベースラインで受け入れてください
help-p024-replace = 「{ $found }」を「{ $replacement }」に置き換えてください：`codepub check --fix` で置き換えられます
p024-short = プロジェクト独自のパターンに合う箇所がない
p024-full = codepub.toml の `[[check.patterns]]` のどのパターンも、その言語の本文（見出し、段落、箇条、脚注、裏表紙。コードスパンとリンク先は除く）に一致しません。

# P009 glossary（日本語から英語への方向）と P022 terms（禁止語・非推奨語）。
p009-english-term-missing = 用語集：「{ $ja }」は「{ $en }」の訳語ですが、英語にその用語がありません
help-p009-english-term-missing = 英語にその用語を使うか、英語が言っている内容に対応する用語集の訳語を使ってください。用語集は content/glossary.toml です
label-japanese-term-here = 「{ $ja }」はここ
label-english-term-expected = ここに「{ $en }」が必要
p022-forbidden = 「{ $term }」は禁止語です
p022-deprecated = 「{ $term }」は非推奨語です
help-p022 = 禁止語と非推奨語は content/glossary.toml に挙げられています
help-p022-use = 「{ $term }」を「{ $use }」に置き換えてください
label-p022-use = 「{ $use }」を使う
note-p022-reason = 用語集の注記：{ $reason }
p022-short = 禁止語・非推奨語を使っていない
p022-full = 用語集が禁止または非推奨とする用語を、どちらの言語でも、使われている箇所で報告し、代わりに使う用語を示します。

# P025 spelling
p025-spelling = スペル：“{ $word }” は辞書にない語です
p025-grammar = 文法（{ $lint }）：{ $message }
p025-unknown-lint = `check.spelling.disable` に指定された { $lint } は harper のリント名ではありません
p025-unavailable = codepub.toml で P025 spelling が有効ですが、この codepub は `spelling` 機能なしでビルドされているため、英語のスペルチェックは行われません
help-p025-spelling = 単語を直してください。意図して使う語（名称や用語）は、プロジェクト辞書 content/dictionary.txt に 1 行に 1 語ずつ加えてください
help-p025-spelling-suggested = { $suggestions } ではありませんか。意図して使う語（名称や用語）は、プロジェクト辞書 content/dictionary.txt に 1 行に 1 語ずつ加えてください
help-p025-grammar = 英語の表現を直してください。意図した表現はベースラインで受け入れるか、プロジェクト全体について codepub.toml の `[check.spelling]` に `disable = ["{ $lint }"]` と書いてこのリントを無効にしてください
help-p025-grammar-suggested = harper の提案は { $suggestions } です。意図した表現はベースラインで受け入れるか、プロジェクト全体について codepub.toml の `[check.spelling]` に `disable = ["{ $lint }"]` と書いてこのリントを無効にしてください
help-p025-unavailable = 既定の機能でビルドされた codepub を使うか、codepub.toml の `[check.spelling]` に `enabled = false` と書いてください
p025-short = 英語のスペルが正しい
p025-full = 英語のすべての単語が harper の辞書、プロジェクト辞書、用語集のいずれかにあり、harper の文法リントが英語に何も見つけません。

# The line under a finding whose check `codepub explain` explains.
explain-see = `codepub explain { $code }` を参照してください
