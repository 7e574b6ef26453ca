<?php
// The newsroom-day schedule's staff actions on the WordPress peer (bench/newsroom.py):
// one line on stdin per action ("publish ID", "approve", "draft ID"), one line back with
// "ok SECONDS". Run with php-cli as a user that can read the peer's wp-config.
define("WP_USE_THEMES", false);
$_SERVER["HTTP_HOST"] = getenv("WP_PEER_HOST") ?: "127.0.0.1:8081";
require getenv("WP_LOAD") ?: "/usr/share/wordpress/wp-load.php";
wp_set_current_user(1);
$n = 0;
while (($line = fgets(STDIN)) !== false) {
    $parts = explode(" ", trim($line));
    $started = microtime(true);
    $n++;
    if ($parts[0] === "publish") {
        $post = get_post(is_numeric($parts[1]) ? (int) $parts[1] : url_to_postid($parts[1]));
        $title = preg_replace('/ \(cập nhật \d+\)$/u', '', $post->post_title);
        wp_update_post(["ID" => $post->ID, "post_title" => "$title (cập nhật $n)"]);
    } elseif ($parts[0] === "approve") {
        $comments = get_comments(["status" => "approve", "number" => 1, "orderby" => "rand"]);
        if ($comments) {
            wp_set_comment_status($comments[0]->comment_ID, "hold");
            wp_set_comment_status($comments[0]->comment_ID, "approve");
        }
    } elseif ($parts[0] === "draft") {
        wp_insert_post(["post_title" => "Bản nháp $n", "post_content" => str_repeat("Nội dung nháp. ", 50), "post_status" => "draft"]);
    } elseif ($parts[0] === "theme") {
        echo "ok ", get_option("stylesheet"), "\n";
        continue;
    } elseif ($parts[0] === "posts") {
        // The reader's population: home, categories, posts (newest first), tags.
        $urls = [home_url("/")];
        foreach (get_categories() as $c) { $urls[] = get_category_link($c); }
        foreach (get_posts(["numberposts" => 50, "fields" => "ids"]) as $id) { $urls[] = get_permalink($id); }
        foreach (get_tags() as $t) { $urls[] = get_tag_link($t); }
        echo "ok ", implode(",", $urls), "\n";
        continue;
    }
    printf("ok %.4f\n", microtime(true) - $started);
}
