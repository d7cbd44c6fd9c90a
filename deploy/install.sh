#!/usr/bin/env bash
# 安装或升级连心（离线，不需要网络）。
#   sudo ./install.sh                      安装到 /opt/lianxin，配置 /etc/lianxin/lianxin.env，数据 /var/lib/lianxin，systemd 服务 lianxin
#   ./install.sh --prefix DIR [--port N]   全部装在 DIR 下（app、etc、data），不建用户、不装服务：试用或测试
# Upgrades keep the settings file and the data; the previous app folder stays beside the new one as app.old.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix="" port=5080
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "未知参数：$1（见 --help）" >&2; exit 2 ;;
  esac
done

if [ -n "$prefix" ]; then
  home=$prefix; etc=$prefix/etc; data=$prefix/data; logs=$prefix/log; service=0
else
  [ "$(id -u)" = 0 ] || { echo "请以 root 运行，或用 --prefix 目录 安装到指定目录试用。" >&2; exit 1; }
  home=/opt/lianxin; etc=/etc/lianxin; data=/var/lib/lianxin; logs=/var/log/lianxin; service=1
fi

# What .NET takes from Debian; both are part of a standard Debian 12 installation and on its install media.
# The list is read whole first: with pipefail, `ldconfig -p | grep -q` fails at random when grep stops reading early.
missing=()
libs=$(/sbin/ldconfig -p)
grep -q 'libicuuc\.so' <<< "$libs" || missing+=(libicu72)
grep -q 'libssl\.so\.3' <<< "$libs" || missing+=(libssl3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "缺少系统库：${missing[*]}。请从 Debian 安装光盘或内网镜像安装：apt-get install ${missing[*]}" >&2
  exit 1
fi

# The audit checkpoints go to $logs, outside the data folder (ADR 0029).
mkdir -p "$home" "$etc" "$data" "$logs"
# The new app beside the old one, then swapped: a failed copy leaves the running version alone.
rm -rf "$home/app.new"
cp -a "$here/app" "$home/app.new"
rm -rf "$home/app.old"
[ -d "$home/app" ] && mv "$home/app" "$home/app.old"
mv "$home/app.new" "$home/app"
cp -a "$here/migrations" "$here/README-install.md" "$here/VERSION" "$home/"

if [ ! -f "$etc/lianxin.env" ]; then
  key() { head -c 32 /dev/urandom | base64; }
  sed -e "s#/var/lib/lianxin#$data#g" -e "s#/var/log/lianxin#$logs#g" -e "s#127.0.0.1:5080#127.0.0.1:$port#" \
      -e "s#@ENCRYPTION_KEY@#$(key)#" -e "s#@HASH_KEY@#$(key)#" -e "s#@AUDIT_KEY@#$(key)#" "$here/lianxin.env" > "$etc/lianxin.env"
  chmod 600 "$etc/lianxin.env"
  echo "已生成配置 $etc/lianxin.env（含身份证号加密密钥，请另行离线备份）。"
fi

# The lianxin command: the app with the settings file, for the CLI (migrate, create-admin, …) and for running by hand.
cat > "$home/lianxin" <<WRAPPER
#!/usr/bin/env bash
set -a; . "$etc/lianxin.env"; set +a
cd "$home/app" && exec "$home/app/Lianxin.Web" "\$@"
WRAPPER
chmod 755 "$home/lianxin"

if [ "$service" = 1 ]; then
  id lianxin >/dev/null 2>&1 || useradd --system --home-dir "$data" --shell /usr/sbin/nologin lianxin
  chown -R lianxin:lianxin "$data" "$logs"
  chown root:lianxin "$etc/lianxin.env"; chmod 640 "$etc/lianxin.env"
  install -m 644 "$here/lianxin.service" /etc/systemd/system/lianxin.service
  systemctl daemon-reload
  echo "安装完成（$(cat "$here/VERSION")）。下一步："
  echo "  1. 检查 $etc/lianxin.env（数据库、端口）"
  echo "  2. systemctl enable --now lianxin        启动（首次启动自动建库、执行迁移）"
  echo "  3. sudo -u lianxin $home/lianxin create-admin --user admin --password '<长密码>' --district '某某区委'"
  echo "  4. 配置 nginx：见 $here/nginx-lianxin.conf"
else
  echo "已安装到 $home。启动：$home/lianxin（监听 http://127.0.0.1:$port）"
fi
