//! `catalog`: the lists kept as data — staff categories and reform areas — listed, renamed, a category ended, the
//! province's own added, an unused added entry removed.

use crate::output::{self, CmdResult, Done};
use crate::unit::nothing_to_change;
use crate::{Ctx, format};
use cchc::model::{CatalogInput, CatalogKind};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum CatalogCommand {
    #[command(about = "Liệt kê một danh mục: mã, tên, ngày hết áp dụng, số bản ghi đang dùng")]
    List {
        #[arg(value_enum, value_name = "DANH_MỤC", help = LIST_HELP)]
        list: List,
    },
    #[command(about = "Thêm một mục (không ghi --code) hoặc đổi tên, đặt ngày hết áp dụng của một mục (ghi --code)")]
    Set {
        #[arg(value_enum, value_name = "DANH_MỤC", help = LIST_HELP)]
        list: List,
        #[arg(
            long,
            value_name = "MÃ",
            help = "Mã của mục cần sửa (xem `cchc catalog list`); bỏ trống để thêm mục mới"
        )]
        code: Option<String>,
        #[arg(long, value_name = "TÊN", help = "Tên của mục (bắt buộc khi thêm)")]
        name: Option<String>,
        #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, conflicts_with = "no_until", help = "Loại cán bộ, công chức: ngày cuối cùng còn áp dụng (dd/mm/yyyy)")]
        until: Option<NaiveDate>,
        #[arg(long, help = "Loại cán bộ, công chức: bỏ ngày hết áp dụng (áp dụng trở lại)")]
        no_until: bool,
    },
    #[command(about = "Xóa một mục đã thêm mà chưa bản ghi nào dùng (các mục có sẵn không xóa được)")]
    Remove {
        #[arg(value_enum, value_name = "DANH_MỤC", help = LIST_HELP)]
        list: List,
        #[arg(value_name = "MÃ", help = "Mã của mục cần xóa")]
        code: String,
    },
}

const LIST_HELP: &str = "Danh mục: categories (loại cán bộ, công chức) hoặc areas (lĩnh vực cải cách hành chính)";

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum List {
    #[value(help = "Loại cán bộ, công chức")]
    Categories,
    #[value(help = "Lĩnh vực cải cách hành chính")]
    Areas,
}

impl List {
    fn kind(self) -> CatalogKind {
        match self {
            List::Categories => CatalogKind::StaffCategory,
            List::Areas => CatalogKind::ReformArea,
        }
    }
}

pub fn run(ctx: &Ctx, command: CatalogCommand) -> CmdResult {
    match command {
        CatalogCommand::List { list } => {
            let entries = ctx.open()?.catalog(list.kind())?;
            if ctx.out.json {
                ctx.out.json(&entries);
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&["Mã", "Tên", "Áp dụng đến", "Có sẵn", "Số bản ghi dùng"]);
            for e in &entries {
                table.add_row(vec![
                    e.code.clone(),
                    e.name.clone(),
                    e.valid_until.map(format::date).unwrap_or_default(),
                    if e.seeded { "có" } else { "" }.to_string(),
                    format::int(e.uses),
                ]);
            }
            output::align_right(&mut table, [4]);
            ctx.out.table(&table);
            Ok(Done::Clean)
        }
        CatalogCommand::Set { list, code, name, until, no_until } => {
            if name.is_none() && until.is_none() && !no_until {
                return Err(nothing_to_change());
            }
            let mut app = ctx.open()?;
            let existing = match &code {
                Some(code) => app.catalog(list.kind())?.into_iter().find(|e| &e.code == code),
                None => None,
            };
            let valid_until = if no_until { None } else { until.or(existing.as_ref().and_then(|e| e.valid_until)) };
            let name = name.or(existing.map(|e| e.name)).unwrap_or_default();
            let entry = app.save_catalog_entry(CatalogInput { kind: list.kind(), code, name, valid_until })?;
            if ctx.out.json {
                ctx.out.json(&entry);
            } else {
                ctx.out.line(format!("Đã lưu “{}” (mã {}).", entry.name, entry.code));
            }
            Ok(Done::Clean)
        }
        CatalogCommand::Remove { list, code } => {
            ctx.open()?.remove_catalog_entry(list.kind(), &code)?;
            if !ctx.out.json {
                ctx.out.line(format!("Đã xóa mục có mã {}.", code.trim()));
            }
            Ok(Done::Clean)
        }
    }
}
